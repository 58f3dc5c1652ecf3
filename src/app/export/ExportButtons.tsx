/**
 * The two export buttons every report and register shows: CSV and Excel (XLSX), from the table the
 * screen already holds. Hidden on paper.
 */
import { useState } from 'preact/hooks';
import { errorMessageTh } from '../errorMessage';
import { downloadFile } from './downloadFile';
import { exportTable, type ExportFormat, type ExportTable } from './exportTable';

export interface ExportButtonsProps<Row> {
  /** The table, built when a button is pressed (undefined while the report is not ready). */
  table: () => ExportTable<Row> | undefined;
  testIdPrefix: string;
}

export function ExportButtons<Row>({ table, testIdPrefix }: ExportButtonsProps<Row>) {
  const [errorTh, setErrorTh] = useState<string | undefined>(undefined);
  const run = async (format: ExportFormat) => {
    setErrorTh(undefined);
    const t = table();
    if (t === undefined) return;
    try {
      const { blob, fileName } = await exportTable(t, format);
      downloadFile(blob, fileName);
    } catch (error) {
      setErrorTh(`ส่งออกไม่สำเร็จ: ${errorMessageTh(error)}`);
    }
  };
  return (
    <span class="export-buttons no-print">
      <button type="button" class="button-quiet button-small" data-testid={`${testIdPrefix}-export-csv`} onClick={() => void run('csv')}>
        CSV
      </button>
      <button type="button" class="button-quiet button-small" data-testid={`${testIdPrefix}-export-xlsx`} onClick={() => void run('xlsx')}>
        Excel
      </button>
      {errorTh !== undefined && (
        <span class="notice notice--error" role="alert">
          {errorTh}
        </span>
      )}
    </span>
  );
}

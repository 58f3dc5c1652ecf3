/** The two template downloads of the import screen (CSV and Excel), written in the browser, offline. */
import { useState } from 'preact/hooks';
import type { ImportKind } from '../../domain/import/importTypes';
import { errorMessageTh } from '../errorMessage';
import { downloadFile } from '../export/downloadFile';
import { importTemplateFile } from './importTemplateFile';

export function ImportTemplateButtons({ kind }: { kind: ImportKind }) {
  const [errorTh, setErrorTh] = useState<string | undefined>(undefined);
  const download = async (format: 'csv' | 'xlsx') => {
    setErrorTh(undefined);
    try {
      const { blob, fileName } = await importTemplateFile(kind, format);
      downloadFile(blob, fileName);
    } catch (error) {
      setErrorTh(`สร้างแบบฟอร์มไม่สำเร็จ: ${errorMessageTh(error)}`);
    }
  };
  return (
    <p class="import-template-buttons">
      <span class="muted">ดาวน์โหลดแบบฟอร์ม:</span>
      <button type="button" class="button-quiet button-small" data-testid="import-template-xlsx" onClick={() => void download('xlsx')}>
        Excel (.xlsx)
      </button>
      <button type="button" class="button-quiet button-small" data-testid="import-template-csv" onClick={() => void download('csv')}>
        CSV
      </button>
      {errorTh !== undefined && (
        <span class="notice notice--error" role="alert">
          {errorTh}
        </span>
      )}
    </p>
  );
}

/**
 * What every report shows around its table: the organisation, the title and period, how many entries
 * of the period still wait to be sent (the central books do not have them yet: said on paper too), the
 * print and export buttons, the query's failure if any, and the signature blocks under the table.
 */
import type { ComponentChildren } from 'preact';
import { ExportButtons } from '../export/ExportButtons';
import type { ExportTable } from '../export/exportTable';
import { Signature } from '../print/Signature';
import type { LiveResult } from '../useLiveQuery';
import '../print/paper.css';
import './reports.css';

export interface ReportFrameProps<Row> {
  name: string;
  titleTh: string;
  orgName: string;
  periodTh: string;
  /** undefined while counting. */
  pendingCount: number | undefined;
  controls: ComponentChildren;
  exportTable: () => ExportTable<Row> | undefined;
  /** ผู้จัดทำ and หัวหน้าหน่วยงานคลัง unless told. */
  signersTh?: readonly string[];
  /** The report's query: its Thai error shows above the table when it failed. */
  read?: LiveResult<unknown>;
  children: ComponentChildren;
}

const defaultSignersTh = ['ผู้จัดทำ', 'หัวหน้าหน่วยงานคลัง'] as const;

export function ReportFrame<Row>({ name, titleTh, orgName, periodTh, pendingCount, controls, exportTable, signersTh = defaultSignersTh, read, children }: ReportFrameProps<Row>) {
  return (
    <section class="card report" data-testid={`report-${name}`} aria-labelledby={`report-${name}-title`}>
      <div class="report-tools no-print">
        {controls}
        <span class="report-actions">
          <button type="button" class="button-quiet button-small" data-testid={`report-${name}-print`} onClick={() => window.print()}>
            พิมพ์
          </button>
          <ExportButtons table={exportTable} testIdPrefix={`report-${name}`} />
        </span>
      </div>
      {pendingCount !== undefined && pendingCount > 0 && (
        <p class="notice notice--warn report-pending" data-testid="report-pending" data-count={String(pendingCount)}>
          มีรายการรอส่ง {pendingCount} รายการ (ยังไม่ได้ส่งเข้าระบบกลาง)
        </p>
      )}
      <header class="report-head">
        <p class="paper-org">{orgName}</p>
        <h2 id={`report-${name}-title`}>{titleTh}</h2>
        <p data-testid={`report-${name}-period`}>{periodTh}</p>
      </header>
      {read?.status === 'failed' && <p class="notice notice--error">{read.messageTh}</p>}
      {children}
      {signersTh.length > 0 && (
        <div class="paper-signatures report-signatures">
          {signersTh.map((role) => (
            <Signature key={role} roleTh={role} />
          ))}
        </div>
      )}
    </section>
  );
}

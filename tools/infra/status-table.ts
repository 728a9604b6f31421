import type { ComponentStatus } from './component';

const headings = ['COMPONENT', 'STATE', 'MANAGED BY', 'ENDPOINT', 'DETAIL'];

/** A plain-text table, columns padded to their widest cell; the last column runs free. */
export function renderStatusTable(statuses: ComponentStatus[]): string {
  const rows = [
    headings,
    ...statuses.map((status) => [
      status.component,
      status.healthy ? 'healthy' : 'down',
      status.managedBy,
      status.endpoint,
      status.detail ?? '',
    ]),
  ];
  const widths = headings.map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows
    .map((row) =>
      row
        .map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column])))
        .join('  '),
    )
    .join('\n');
}

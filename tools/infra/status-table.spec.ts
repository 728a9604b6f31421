import { renderStatusTable } from './status-table';

describe('renderStatusTable', () => {
  it('lines up each component under headings, naming its state, owner, endpoint and detail', () => {
    const table = renderStatusTable([
      {
        component: 'postgres',
        healthy: true,
        managedBy: 'external',
        endpoint: '127.0.0.1:5432',
        detail: 'PostgreSQL 15.8',
      },
      {
        component: 'kafka',
        healthy: false,
        managedBy: 'none',
        endpoint: '127.0.0.1:9092',
        detail: 'connection refused',
      },
    ]);
    expect(table.split('\n')).toEqual([
      'COMPONENT  STATE    MANAGED BY  ENDPOINT        DETAIL',
      'postgres   healthy  external    127.0.0.1:5432  PostgreSQL 15.8',
      'kafka      down     none        127.0.0.1:9092  connection refused',
    ]);
  });

  it('leaves the detail cell empty when there is nothing to add', () => {
    const table = renderStatusTable([
      { component: 'redis', healthy: true, managedBy: 'capstone', endpoint: '127.0.0.1:6379' },
    ]);
    expect(table.split('\n')[1]).toBe('redis      healthy  capstone    127.0.0.1:6379  ');
  });
});

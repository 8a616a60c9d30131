/**
 * A paged preview of a dataset's rows (`GET /api/datasets/:id/rows`), 25 rows a page.
 */
import { useState } from 'react';
import { getRows } from '../../api/endpoints.js';
import { formatCell, formatCount } from '../../components/format.js';
import { Async } from '../../components/status.js';
import { useAsync } from '../../components/use-async.js';

const PAGE_SIZE = 25;

/** The preview table with previous/next paging. */
export function PreviewTable({ datasetId }: { datasetId: string }) {
  const [offset, setOffset] = useState(0);
  const page = useAsync(`${datasetId}:${offset}`, () => getRows(datasetId, offset, PAGE_SIZE));
  return (
    <section className="panel" data-testid="dataset-preview" aria-label="Preview">
      <div className="panel-header">
        <h2>Preview</h2>
        {page.data === null ? null : (
          <div className="pager">
            <button
              type="button"
              className="button-small"
              disabled={offset === 0}
              onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}
            >
              ← Previous
            </button>
            <span>
              Rows {formatCount(page.data.total === 0 ? 0 : offset + 1)}–
              {formatCount(Math.min(offset + PAGE_SIZE, page.data.total))} of{' '}
              {formatCount(page.data.total)}
            </span>
            <button
              type="button"
              className="button-small"
              disabled={offset + PAGE_SIZE >= page.data.total}
              onClick={() => setOffset(offset + PAGE_SIZE)}
            >
              Next →
            </button>
          </div>
        )}
      </div>
      <Async result={page} label="Loading rows…">
        {(data) => (
          <div className="table-scroll">
            <table className="data-table">
              <thead>
                <tr>
                  {data.columns.map((column) => (
                    <th key={column} scope="col">
                      {column}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {data.rows.map((row, index) => (
                  <tr key={offset + index}>
                    {data.columns.map((column) => (
                      <td key={column}>{formatCell(row[column])}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Async>
    </section>
  );
}

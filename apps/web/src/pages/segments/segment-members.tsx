/**
 * The customers of one segment (`GET /api/runs/:id/segments?segment=`), paged, with their
 * confidence.
 */
import { useState } from 'react';
import { getSegments } from '../../api/endpoints.js';
import { formatCell, formatCount, formatShare } from '../../components/format.js';
import { Async } from '../../components/status.js';
import { useAsync } from '../../components/use-async.js';

const PAGE_SIZE = 20;

/** The members table of `segment`. */
export function SegmentMembers({
  runId,
  segment,
  name,
}: {
  runId: string;
  segment: number;
  name: string;
}) {
  const [offset, setOffset] = useState(0);
  const page = useAsync(`${runId}:${segment}:${offset}`, () =>
    getSegments(runId, { segment, offset, limit: PAGE_SIZE }),
  );
  return (
    <section className="panel" aria-label={`Customers in ${name}`} data-testid="segment-members">
      <div className="panel-header">
        <h2>Customers in {name}</h2>
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
              {formatCount(Math.min(offset + 1, page.data.total))}–
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
      <Async result={page} label="Loading customers…">
        {({ rows }) => (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Id</th>
                <th scope="col">Segment</th>
                <th scope="col">Confidence</th>
                <th scope="col">Flags</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, index) => (
                <tr key={`${formatCell(row.id)}-${index}`}>
                  <td>{formatCell(row.id)}</td>
                  <td>{row.segmentName}</td>
                  <td>{row.confidence === null ? '–' : formatShare(row.confidence)}</td>
                  <td className="small">
                    {row.outOfDistribution === true ? 'unusual ' : ''}
                    {row.outlier === true ? 'outlier' : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Async>
    </section>
  );
}

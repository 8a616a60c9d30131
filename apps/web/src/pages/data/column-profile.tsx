/**
 * The column profile: type, guessed role, missing share, distinct values, range and a small
 * histogram per column, with the id column picker and a role picker (numeric, categorical,
 * ignore) per column. Choices go into the dataset's Configure form.
 */
import type { ColumnProfile as Profile } from '../../api/types.js';
import type { ColumnUse, ConfigForm } from '../../config/config-form.js';
import { formatNumber, formatShare } from '../../components/format.js';
import { MiniHistogram } from './mini-histogram.js';

const USES: ColumnUse[] = ['numeric', 'categorical', 'ignore'];

function range(column: Profile): string {
  if (column.min === null || column.max === null) return '–';
  const show = (value: number | string) =>
    typeof value === 'number' ? formatNumber(value) : value;
  return `${show(column.min)} … ${show(column.max)}`;
}

/** The profile table; `onChange` receives the updated form. */
export function ColumnProfileTable({
  columns,
  form,
  onChange,
}: {
  columns: readonly Profile[];
  form: ConfigForm;
  onChange: (form: ConfigForm) => void;
}) {
  const used = columns.filter(
    (column) => form.roles[column.name] !== 'ignore' && column.name !== form.idColumn,
  );
  return (
    <section className="panel" data-testid="column-profile" aria-label="Column profile">
      <div className="panel-header">
        <h2>Columns</h2>
        <label className="field inline">
          <span>Id column</span>
          <select
            data-testid="id-column"
            value={form.idColumn}
            onChange={(event) => {
              const idColumn = event.target.value;
              onChange({
                ...form,
                idColumn,
                roles: { ...form.roles, ...(idColumn === '' ? {} : { [idColumn]: 'ignore' }) },
              });
            }}
          >
            <option value="">Row number</option>
            {columns.map((column) => (
              <option key={column.name} value={column.name}>
                {column.name}
              </option>
            ))}
          </select>
        </label>
        <span className="muted">
          {form.transactions === null
            ? `${used.length} of ${columns.length} columns used as features`
            : 'RFM is on: recency, frequency and monetary value per customer replace these roles'}
        </span>
      </div>
      <div className="table-scroll">
        <table className="data-table profile-table">
          <thead>
            <tr>
              <th scope="col">Column</th>
              <th scope="col">Type</th>
              <th scope="col">Use as</th>
              <th scope="col">Missing</th>
              <th scope="col">Distinct</th>
              <th scope="col">Range</th>
              <th scope="col">Mean</th>
              <th scope="col">Distribution</th>
            </tr>
          </thead>
          <tbody>
            {columns.map((column) => {
              const isId = column.name === form.idColumn;
              return (
                <tr
                  key={column.name}
                  className={isId || form.roles[column.name] === 'ignore' ? 'row-muted' : undefined}
                >
                  <th scope="row">{column.name}</th>
                  <td>
                    <span className={`badge badge-${column.role}`}>{column.role}</span>{' '}
                    <span className="muted small">{column.type}</span>
                  </td>
                  <td>
                    {isId ? (
                      <span className="badge badge-id">id</span>
                    ) : (
                      <select
                        aria-label={`Use ${column.name} as`}
                        value={form.roles[column.name] ?? 'ignore'}
                        onChange={(event) =>
                          onChange({
                            ...form,
                            roles: {
                              ...form.roles,
                              [column.name]: event.target.value as ColumnUse,
                            },
                          })
                        }
                      >
                        {USES.map((use) => (
                          <option key={use} value={use}>
                            {use}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                  <td className={column.missingShare > 0.2 ? 'warn' : undefined}>
                    {formatShare(column.missingShare)}
                  </td>
                  <td>{column.distinct}</td>
                  <td>{range(column)}</td>
                  <td>{formatNumber(column.mean)}</td>
                  <td>
                    <MiniHistogram column={column} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

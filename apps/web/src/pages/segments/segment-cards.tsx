/**
 * One card per segment: name, size, share, top traits, the rules that pick it out (with precision
 * and coverage) and the description. Choosing a card puts the
 * segment in the URL (`?segment=2`), so a link reopens it.
 */
import type { ReportSegment } from '../../api/types.js';
import { segmentColor } from '../../charts/palette.js';
import { formatCount, formatShare } from '../../components/format.js';

/** The card grid. */
export function SegmentCards({
  segments,
  selected,
  onSelect,
}: {
  segments: readonly ReportSegment[];
  selected: number | null;
  onSelect: (segment: number | null) => void;
}) {
  return (
    <div className="card-grid" role="list" aria-label="Segments">
      {segments.map((segment) => {
        const active = segment.segment === selected;
        return (
          <article
            key={segment.segment}
            role="listitem"
            className={`segment-card${active ? ' selected' : ''}`}
            data-testid="segment-card"
            style={{ borderTopColor: segmentColor(segment.segment) }}
          >
            <header>
              <h3>
                <button
                  type="button"
                  className="card-title"
                  aria-pressed={active}
                  onClick={() => onSelect(active ? null : segment.segment)}
                >
                  <span
                    className="swatch"
                    style={{ background: segmentColor(segment.segment) }}
                    aria-hidden="true"
                  />
                  {segment.name}
                </button>
              </h3>
              <div className="card-size">
                <strong>{formatCount(segment.size)}</strong> customers ·{' '}
                {formatShare(segment.share)}
              </div>
              <div className="share-bar" aria-hidden="true">
                <span
                  style={{
                    width: `${Math.min(100, segment.share * 100)}%`,
                    background: segmentColor(segment.segment),
                  }}
                />
              </div>
            </header>
            <ul className="traits">
              {segment.topTraits.slice(0, 4).map((trait) => (
                <li key={`${trait.feature}-${trait.text}`}>{trait.text}</li>
              ))}
            </ul>
            {(segment.rules ?? []).length === 0 ? null : (
              <div className="rules">
                <span className="rules-title">Rule{segment.rules!.length === 1 ? '' : 's'}</span>
                <ul>
                  {segment.rules!.slice(0, 2).map((rule) => (
                    <li key={rule.text}>
                      <code>{rule.text}</code>{' '}
                      <span className="rule-quality">
                        {formatShare(rule.precision)} precise · covers {formatShare(rule.coverage)}
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            )}
            <p className="description" title={segment.description}>
              {segment.description}
            </p>
          </article>
        );
      })}
    </div>
  );
}

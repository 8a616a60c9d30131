/**
 * Derived features (the config's `derive:` recipes: age, tenure, sum, ratio, count) and the RFM
 * switch for a transactions table (one row per purchase -> recency, frequency and monetary value
 * per customer, the `transactions:` block).
 */
import { useState } from 'react';
import type { ConfigForm, DeriveRecipe, TransactionsForm } from '../../config/config-form.js';
import { guessTransactions } from '../../config/config-form.js';
import { parseMapping } from './parse-mapping.js';

type RecipeType = 'age' | 'tenure' | 'sum' | 'ratio' | 'count' | 'map';

const RECIPE_HELP: Record<RecipeType, string> = {
  age: 'Age in years from a birth year or birth date',
  tenure: 'Time since a signup date',
  sum: 'Sum of several columns (e.g. total spend)',
  ratio: 'One column divided by another',
  count: 'How many of several columns are above 0',
  map: 'Recode the values of a column (e.g. Married = 1)',
};

const NAME_EXAMPLES: Record<RecipeType, string> = {
  age: 'Age',
  tenure: 'TenureMonths',
  sum: 'TotalSpend',
  ratio: 'SpendShare',
  count: 'Children',
  map: 'Partner',
};

function describeRecipe(recipe: DeriveRecipe): string {
  const columns = Array.isArray(recipe.columns) ? (recipe.columns as string[]).join(' + ') : '';
  switch (recipe.type) {
    case 'age':
      return `age from ${String(recipe.column)}`;
    case 'tenure':
      return `tenure (${typeof recipe.unit === 'string' ? recipe.unit : 'months'}) since ${String(recipe.column)}`;
    case 'sum':
      return `sum of ${columns}`;
    case 'count':
      return `count of ${columns} above 0`;
    case 'ratio':
      return `${String(recipe.numerator)} / ${String(recipe.denominator)}`;
    case 'map':
      return `${String(recipe.column)} recoded (${Object.keys(recipe.mapping ?? {}).length} values)`;
    default:
      return recipe.type;
  }
}

function ColumnSelect({
  label,
  value,
  columns,
  onChange,
  optional = false,
}: {
  label: string;
  value: string;
  columns: readonly string[];
  onChange: (value: string) => void;
  optional?: boolean;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{optional ? '(none)' : 'Choose…'}</option>
        {columns.map((column) => (
          <option key={column} value={column}>
            {column}
          </option>
        ))}
      </select>
    </label>
  );
}

function RecipeEditor({
  columns,
  onAdd,
}: {
  columns: readonly string[];
  onAdd: (recipe: DeriveRecipe) => void;
}) {
  const [type, setType] = useState<RecipeType>('sum');
  const [name, setName] = useState('');
  const [column, setColumn] = useState('');
  const [second, setSecond] = useState('');
  const [picked, setPicked] = useState<string[]>([]);
  const [dateFormat, setDateFormat] = useState('');
  const [mappingText, setMappingText] = useState('');
  const [fallback, setFallback] = useState('');
  const mapping = parseMapping(mappingText);
  const multi = type === 'sum' || type === 'count';
  const ready =
    name.trim() !== '' &&
    (multi ? picked.length > 0 : column !== '') &&
    (type !== 'ratio' || second !== '') &&
    (type !== 'map' || Object.keys(mapping).length > 0);

  const add = () => {
    const base = { type, name: name.trim() };
    const withDate = dateFormat.trim() === '' ? {} : { dateFormat: dateFormat.trim() };
    const recipe: DeriveRecipe =
      type === 'ratio'
        ? { ...base, numerator: column, denominator: second }
        : type === 'map'
          ? {
              ...base,
              column,
              mapping,
              ...(fallback.trim() === ''
                ? {}
                : { default: parseMapping(`x=${fallback}`).x ?? fallback.trim() }),
            }
          : multi
            ? { ...base, columns: picked }
            : type === 'tenure'
              ? { ...base, column, unit: 'months', ...withDate }
              : { ...base, column, ...withDate };
    onAdd(recipe);
    setName('');
    setPicked([]);
  };

  return (
    <div className="recipe-editor">
      <label className="field">
        <span>Kind</span>
        <select
          data-testid="derive-kind"
          value={type}
          onChange={(event) => setType(event.target.value as RecipeType)}
        >
          {(Object.keys(RECIPE_HELP) as RecipeType[]).map((value) => (
            <option key={value} value={value}>
              {value}: {RECIPE_HELP[value]}
            </option>
          ))}
        </select>
      </label>
      {multi ? (
        <label className="field">
          <span>Columns</span>
          <select
            multiple
            data-testid="derive-columns"
            size={5}
            value={picked}
            onChange={(event) =>
              setPicked(Array.from(event.target.selectedOptions, (option) => option.value))
            }
          >
            {columns.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <ColumnSelect
          label={type === 'ratio' ? 'Numerator' : 'Column'}
          value={column}
          columns={columns}
          onChange={setColumn}
        />
      )}
      {type === 'ratio' ? (
        <ColumnSelect label="Denominator" value={second} columns={columns} onChange={setSecond} />
      ) : null}
      {type === 'map' ? (
        <>
          <label className="field">
            <span>Mapping (one "value = result" per line)</span>
            <textarea
              rows={3}
              value={mappingText}
              placeholder={'Married = 1\nTogether = 1'}
              onChange={(event) => setMappingText(event.target.value)}
            />
          </label>
          <label className="field">
            <span>Other values become</span>
            <input
              value={fallback}
              placeholder="0 (empty: missing)"
              onChange={(event) => setFallback(event.target.value)}
            />
          </label>
        </>
      ) : null}
      {type === 'age' || type === 'tenure' ? (
        <label className="field">
          <span>Date format (optional)</span>
          <input
            value={dateFormat}
            placeholder="%d-%m-%Y"
            onChange={(event) => setDateFormat(event.target.value)}
          />
        </label>
      ) : null}
      <label className="field">
        <span>New feature name</span>
        <input
          value={name}
          placeholder={NAME_EXAMPLES[type]}
          data-testid="derive-name"
          onChange={(event) => setName(event.target.value)}
        />
      </label>
      <button
        type="button"
        className="button"
        data-testid="derive-add"
        disabled={!ready}
        onClick={add}
      >
        Add feature
      </button>
    </div>
  );
}

const TRANSACTION_FIELDS: { key: keyof TransactionsForm; label: string; optional: boolean }[] = [
  { key: 'customer', label: 'Customer', optional: false },
  { key: 'date', label: 'Purchase date', optional: false },
  { key: 'price', label: 'Price or amount', optional: false },
  { key: 'quantity', label: 'Quantity', optional: true },
  { key: 'invoice', label: 'Invoice', optional: true },
];

/** The derived-features and RFM panel. */
export function DerivedFeatures({
  columns,
  form,
  onChange,
}: {
  columns: readonly string[];
  form: ConfigForm;
  onChange: (form: ConfigForm) => void;
}) {
  const transactions = form.transactions;
  return (
    <section className="panel" aria-label="Derived features">
      <h2>Derived features</h2>
      {form.derive.length === 0 ? (
        <p className="muted">None yet. Add totals, ratios, age or tenure below.</p>
      ) : (
        <ul className="recipe-list">
          {form.derive.map((recipe, index) => (
            <li key={`${recipe.name}-${index}`}>
              <strong>{recipe.name}</strong> = {describeRecipe(recipe)}{' '}
              <button
                type="button"
                className="button-small"
                aria-label={`Remove ${recipe.name}`}
                onClick={() =>
                  onChange({ ...form, derive: form.derive.filter((_, other) => other !== index) })
                }
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <RecipeEditor
        columns={columns}
        onAdd={(recipe) => onChange({ ...form, derive: [...form.derive, recipe] })}
      />
      <h3>RFM for a transactions table</h3>
      <label className="checkbox">
        <input
          type="checkbox"
          data-testid="rfm-toggle"
          checked={transactions !== null}
          onChange={(event) =>
            onChange({
              ...form,
              transactions: event.target.checked ? guessTransactions(columns) : null,
            })
          }
        />
        This file has one row per purchase: segment customers by recency, frequency and monetary
        value
      </label>
      {transactions === null ? null : (
        <div className="field-row">
          {TRANSACTION_FIELDS.map((field) => (
            <ColumnSelect
              key={field.key}
              label={field.label}
              value={transactions[field.key]}
              columns={columns}
              optional={field.optional}
              onChange={(value) =>
                onChange({ ...form, transactions: { ...transactions, [field.key]: value } })
              }
            />
          ))}
        </div>
      )}
    </section>
  );
}

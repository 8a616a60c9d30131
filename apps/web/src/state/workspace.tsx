/**
 * Workspace state shared by the pages: the Configure form of each dataset (kept in localStorage,
 * so a reload keeps the analyst's choices) and a counter bumped whenever runs change, so the
 * header's run picker and the run history reload.
 */
import { createContext, useCallback, useContext, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { DEFAULT_FORM } from '../config/config-form.js';
import type { ConfigForm } from '../config/config-form.js';

interface Workspace {
  forms: Record<string, ConfigForm>;
  setForm: (datasetId: string, form: ConfigForm) => void;
  runsVersion: number;
  runsChanged: () => void;
}

const STORAGE_KEY = 'segmint.forms.v1';

function loadForms(): Record<string, ConfigForm> {
  try {
    const text = window.localStorage.getItem(STORAGE_KEY);
    return text === null ? {} : (JSON.parse(text) as Record<string, ConfigForm>);
  } catch {
    return {};
  }
}

const WorkspaceContext = createContext<Workspace | null>(null);

/** Provides the workspace to the app. */
export function WorkspaceProvider({ children }: { children: ReactNode }) {
  const [forms, setForms] = useState<Record<string, ConfigForm>>(loadForms);
  const [runsVersion, setRunsVersion] = useState(0);
  const setForm = useCallback((datasetId: string, form: ConfigForm) => {
    setForms((previous) => {
      const next = { ...previous, [datasetId]: form };
      try {
        window.localStorage.setItem(STORAGE_KEY, JSON.stringify(next));
      } catch {
        // Storage full or disabled: the form still works for this session.
      }
      return next;
    });
  }, []);
  const runsChanged = useCallback(() => setRunsVersion((value) => value + 1), []);
  const value = useMemo(
    () => ({ forms, setForm, runsVersion, runsChanged }),
    [forms, setForm, runsVersion, runsChanged],
  );
  return <WorkspaceContext.Provider value={value}>{children}</WorkspaceContext.Provider>;
}

function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (workspace === null) throw new Error('useWorkspace outside WorkspaceProvider');
  return workspace;
}

/**
 * The Configure form of a dataset (defaults until set) and its setter.
 * @example const [form, setForm] = useConfigForm(datasetId);
 */
export function useConfigForm(
  datasetId: string,
): [ConfigForm, (form: ConfigForm) => void, boolean] {
  const { forms, setForm } = useWorkspace();
  const stored = forms[datasetId];
  const update = useCallback((form: ConfigForm) => setForm(datasetId, form), [datasetId, setForm]);
  return [stored ?? DEFAULT_FORM, update, stored !== undefined];
}

/** The runs counter and the function that bumps it. */
export function useRunsVersion(): [number, () => void] {
  const { runsVersion, runsChanged } = useWorkspace();
  return [runsVersion, runsChanged];
}

import { useMemo } from 'react';
import type { ModuleType } from '../../../core/program/modules/types';
import type { ModuleConfig, ModuleNode } from '../../../core/program/types';
import { CodeEditor } from './CodeEditor';
import { CorpusPicker } from './CorpusPicker';
import { moduleSettings, rewardOf, settingErrors, toolsOf, withSetting } from './module-settings';
import { RewardEditor } from './RewardEditor';
import { SettingField } from './SettingField';
import { ToolsEditor } from './ToolsEditor';
import './module-settings.css';

interface Props {
  node: ModuleNode;
  type: ModuleType;
  onChange(config: ModuleConfig): void;
}

/**
 * The module type's own settings (Retrieve's corpus and k, ReAct's tools, a Code node's code…),
 * generated from its `configSchema` as the optimize dialog's form is from an optimizer's.
 */
export function ModuleSettings({ node, type, onChange }: Props) {
  const schema = type.configSchema;
  const settings = useMemo(() => (schema ? moduleSettings(schema) : []), [schema]);
  if (!schema || settings.length === 0) return null;
  const errors = settingErrors(schema, node.config);
  const set = (key: string, value: unknown) => onChange(withSetting(node.config, key, value));
  const value = (key: string) => node.config[key];
  return (
    <fieldset className="module-settings">
      <legend>{type.label} settings</legend>
      {settings.map((s) => {
        switch (s.kind) {
          case 'field':
            return <SettingField key={s.field.key} field={s.field} value={value(s.field.key)} error={errors[s.field.key]} idPrefix={`setting-${node.id}`} onChange={(v) => set(s.field.key, v)} />;
          case 'corpus': {
            const current = value(s.key);
            return <CorpusPicker key={s.key} value={typeof current === 'string' ? current : undefined} help={s.help} error={errors[s.key]} onChange={(v) => set(s.key, v)} />;
          }
          case 'code': {
            const current = value(s.key);
            return (
              <CodeEditor
                key={s.key}
                label={s.key === 'code' ? `Code of ${node.name}` : `${s.key} code of ${node.name}`}
                value={typeof current === 'string' ? current : ''}
                help={s.help}
                error={errors[s.key] ? `${s.key}: ${errors[s.key]}` : undefined}
                rows={10}
                onCommit={(code) => set(s.key, code === '' && s.optional ? undefined : code)}
              />
            );
          }
          case 'tools':
            return <ToolsEditor key={s.key} tools={toolsOf(node.config, s.key)} help={s.help} error={errors[s.key]} onChange={(tools) => set(s.key, tools)} />;
          case 'reward':
            return <RewardEditor key={s.key} node={node} reward={rewardOf(node.config, s.key)} help={s.help} error={errors[s.key]} onChange={(reward) => set(s.key, reward)} />;
          default: {
            const never: never = s;
            throw new Error(`unknown setting ${String(never)}`);
          }
        }
      })}
    </fieldset>
  );
}

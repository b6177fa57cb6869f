export interface ModelSelectProps {
  label: string;
  models: string[];
  value: string;
  disabled?: boolean;
  onChange: (model: string) => void;
}

export function ModelSelect({ label, models, value, disabled, onChange }: ModelSelectProps) {
  return (
    <label>
      {label}
      <select aria-label={label} value={value} disabled={disabled} onChange={(e) => onChange(e.target.value)}>
        {models.map((m) => (
          <option key={m} value={m}>
            {m}
          </option>
        ))}
      </select>
    </label>
  );
}

import type { Plan } from '../../core/optimize/events';

export function formatCost(cost: number | undefined): string {
  if (cost === undefined) return 'unknown cost';
  if (cost === 0) return '$0';
  return cost < 0.01 ? `<$0.01` : `$${cost.toFixed(2)}`;
}

/** What the run will spend, shown before it starts. */
export function PlanSummary({ plan }: { plan: Plan }) {
  return (
    <section aria-label="Plan" className="plan">
      <p>
        ≈{plan.taskCalls + plan.promptCalls} LM calls ({plan.taskCalls} task, {plan.promptCalls} prompt), ≈{plan.estimatedTokens.toLocaleString()} tokens, {formatCost(plan.estimatedCost)}
      </p>
      <ul>
        {plan.notes.map((note) => (
          <li key={note}>{note}</li>
        ))}
      </ul>
    </section>
  );
}

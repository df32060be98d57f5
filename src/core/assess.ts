import type { Assessment, Reason } from './assessment.ts';
import { evaluateSignal } from './evaluate-signal.ts';
import { planTasks } from './plan-tasks.ts';
import { levelOf, roundPoints, scoreBefore, trendOf } from './score.ts';
import type { SignalId } from './signal.ts';
import type { Snapshot } from './snapshot.ts';
import { summarize } from './summarize.ts';
import type { EngineConfig } from './tenant-config.ts';
import { type Instant, isoDateTime } from './time.ts';

export interface AssessOptions {
  /** Signals snoozed for this account ("not a risk" on the card): they do not fire, whatever the snapshot says. */
  suppressed?: ReadonlySet<SignalId>;
}

/**
 * DESIGN §3: the score is the capped sum of the fired signals' points (weight × strength); the explanation is the
 * computation. Pure and deterministic: same snapshot, config, `now` and options, same assessment.
 */
export function assess(
  snapshot: Snapshot,
  config: EngineConfig,
  now: Instant,
  options: AssessOptions = {},
): Assessment {
  const tenant = { competitors: config.competitors };
  const reasons: Reason[] = [];
  for (const signal of config.signals) {
    if (!signal.enabled || signal.weight <= 0) continue;
    if (options.suppressed?.has(signal.definition.id)) continue;
    const finding = evaluateSignal(
      signal.definition,
      snapshot,
      { thresholds: signal.thresholds, tenant, quietMonths: config.quietMonths },
      now,
    );
    if (!finding) continue;
    const points = roundPoints(signal.weight * finding.strength);
    if (points <= 0) continue;
    reasons.push({
      id: signal.definition.id,
      title: signal.definition.title,
      points,
      strength: Math.round(finding.strength * 1000) / 1000,
      weight: signal.weight,
      headline: finding.headline,
      evidence: finding.evidence,
      playbook: signal.definition.playbook,
    });
  }
  reasons.sort((a, b) => b.points - a.points || (a.id < b.id ? -1 : 1));

  let total = 0;
  for (const r of reasons) total += r.points;
  const score = Math.min(100, Math.round(total));
  const level = levelOf(score, config.levels);
  const previousScore = scoreBefore(snapshot.scoreHistory, now, config.trend.lookbackDays);

  return {
    crm: snapshot.crm,
    tenantId: snapshot.tenantId,
    accountId: snapshot.account.id,
    accountName: snapshot.account.name,
    score,
    level,
    trend: trendOf(score, previousScore, config.trend.tolerance),
    previousScore,
    topReason: reasons[0]?.id ?? null,
    reasons,
    summary: summarize(reasons),
    tasks: planTasks(snapshot, reasons, level, score, config, now),
    assessedAt: isoDateTime(now),
  };
}

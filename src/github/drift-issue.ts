/**
 * The drift issue of a domain: exactly one per domain, found by the `smus-gitops-drift` label and
 * the domain's hidden marker among open and closed issues (see markers.ts for why the author must
 * be us too). Drift opens it, or reopens it when it was closed, and keeps its body current while
 * drift lasts; being in sync closes it with a comment; a failed run comments the failure (or opens
 * the issue to say so), because a silent scheduled job would hide that drift is unknown.
 */
import { assertNever } from '../model/manifest.js';
import type { Plan } from '../plan/types.js';
import { fencedBlock } from '../render/plan-markdown-escape.js';
import { cutText } from '../render/plan-values.js';
import type { GitHubClient, Issue, RepoRef } from './client.js';
import { composeCommentBody } from './comment-body.js';
import { githubContext, ourLogin, provenanceLine, reportedCommit, runUrl, type GitHubIo } from './context.js';
import { domainPlan, hasDrift, studioDomainPlan } from './domain-plan.js';
import { isOurs, driftMarker } from './markers.js';

/** The label every drift issue carries. */
export const DRIFT_LABEL = 'smus-gitops-drift';
/** The longest failure message quoted in a comment. */
const FAILURE_LIMIT = 10_000;

/** The outcome of a drift run, as the issue reports it. */
export type DriftOutcome =
  { kind: 'drift'; plan: Plan } | { kind: 'in-sync'; plan: Plan } | { kind: 'failed'; message: string };

/** What the issue needs. */
export interface DriftIssueOptions {
  env: Readonly<Record<string, string | undefined>>;
  /** One issue per domain. */
  domain: string;
  /**
   * What the issue is about: a DataZone domain (default); a SageMaker AI Studio domain (its own
   * issue, apart from a DataZone domain of the same name); or the whole run, for a run that failed
   * before it knew its domains (`domain` is then only a label).
   */
  about?: 'domain' | 'studio' | 'run';
  /** A client to use instead of one built from the environment (tests inject one that never sleeps). */
  client?: GitHubClient;
}

interface IssueTarget {
  client: GitHubClient;
  repo: RepoRef;
  domain: string;
  marker: string;
  run: string | undefined;
  /** What the domain is called in titles: "domain X" or "Studio domain X". */
  what: string;
  /** The commit-and-run line every body ends with. */
  footer: string;
}

/** Ours among the labelled issues: an open one first (lowest number), else the latest closed one. */
function pickIssue(issues: readonly Issue[]): Issue | undefined {
  const open = issues.filter((i) => i.state === 'open').sort((a, b) => a.number - b.number);
  const closed = issues.filter((i) => i.state === 'closed').sort((a, b) => b.number - a.number);
  return open[0] ?? closed[0];
}

/** The closing line of a comment: the commit and run (the footer), else nothing known. */
function seeRun(t: IssueTarget): string {
  return t.footer ? `\n\n${t.footer}` : '';
}

async function reportDrift(t: IssueTarget, plan: Plan, issue: Issue | undefined): Promise<string> {
  const title = `Drift detected in ${t.what}`;
  const body = composeCommentBody(plan, {
    marker: t.marker,
    // A DataZone domain by its name alone, as before Studio domains had issues.
    title: `smus-gitops drift: ${t.what.replace(/^domain /, '')}`,
    mode: 'drift',
    ...(t.run ? { fullPlanUrl: t.run } : {}),
    ...(t.footer ? { footer: t.footer } : {}),
  });
  if (!issue) return (await t.client.createIssue(t.repo, { title, body, labels: [DRIFT_LABEL] })).html_url;
  if (issue.state === 'closed') {
    await t.client.updateIssue(t.repo, issue.number, {
      title,
      body,
      state: 'open',
      state_reason: 'reopened',
    });
    await t.client.createIssueComment(
      t.repo,
      issue.number,
      `Drift is back in ${t.what}; reopened.${seeRun(t)}`,
    );
    return issue.html_url;
  }
  // Updated in place while drift lasts; an unchanged report is not written again.
  if (issue.body !== body || issue.title !== title)
    await t.client.updateIssue(t.repo, issue.number, { title, body });
  return issue.html_url;
}

async function reportInSync(t: IssueTarget, issue: Issue | undefined): Promise<string> {
  if (!issue) return `(none: ${t.what} is in sync)`;
  if (issue.state === 'open') {
    await t.client.createIssueComment(
      t.repo,
      issue.number,
      `${t.what.charAt(0).toUpperCase()}${t.what.slice(1)} is in sync again: live state matches the manifests. Closing.${seeRun(t)}`,
    );
    await t.client.updateIssue(t.repo, issue.number, { state: 'closed', state_reason: 'completed' });
  }
  return issue.html_url;
}

async function reportFailure(t: IssueTarget, message: string, issue: Issue | undefined): Promise<string> {
  const text =
    `**The drift check for ${t.what} failed**, so whether it drifted is unknown.\n\n` +
    `${fencedBlock(cutText(message, FAILURE_LIMIT).split('\n'))}${seeRun(t)}`;
  if (issue) {
    await t.client.createIssueComment(t.repo, issue.number, text);
    return issue.html_url;
  }
  const title = `Drift check failed for ${t.what}`;
  const body = `${t.marker}\n${text}\n`;
  return (await t.client.createIssue(t.repo, { title, body, labels: [DRIFT_LABEL] })).html_url;
}

/** Opens, updates, closes or reopens the domain's drift issue; returns its URL. */
export async function syncDriftIssue(
  outcome: DriftOutcome,
  options: DriftIssueOptions,
  io: GitHubIo,
): Promise<string> {
  const { client, repo } = githubContext(options.env, options.client);
  const about = options.about ?? 'domain';
  const marker = driftMarker(about === 'domain' ? options.domain : `${about}:${options.domain}`);
  const run = runUrl(options.env);
  const target: IssueTarget = {
    client,
    repo,
    domain: options.domain,
    marker,
    run,
    what:
      about === 'run'
        ? 'the drift run'
        : `${about === 'studio' ? 'Studio domain' : 'domain'} ${options.domain}`,
    footer: provenanceLine(await reportedCommit(options.env, io.cwd), run),
  };
  const login = await ourLogin(client, options.env);
  const labelled = await client.listIssuesByLabel(repo, DRIFT_LABEL);
  const issue = pickIssue(labelled.filter((i) => i.pull_request === undefined && isOurs(i, marker, login)));
  switch (outcome.kind) {
    case 'drift':
    case 'in-sync': {
      // The run's verdict covers every domain; this issue is about one, so decide from its changes.
      const plan =
        about === 'studio'
          ? studioDomainPlan(outcome.plan, options.domain)
          : domainPlan(outcome.plan, options.domain);
      return hasDrift(plan) ? reportDrift(target, plan, issue) : reportInSync(target, issue);
    }
    case 'failed':
      return reportFailure(target, outcome.message, issue);
    default:
      return assertNever(outcome);
  }
}

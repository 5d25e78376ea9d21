/**
 * A fake GitHub REST API on 127.0.0.1 for the GitHub integration's tests: the endpoints the
 * plan comment and the drift issue use, with GitHub's pagination (`per_page`, `page`, `Link`
 * headers with absolute URLs), several users told apart by their bearer token (a user token
 * answers `GET /user`; an Actions installation token gets 403 and writes as
 * `github-actions[bot]`), and injectable faults. Like GitHub, it lets any authenticated user edit
 * any comment, so a client that edits someone else's comment is caught, not stopped.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readJson, send, sendPage } from './fake-github-http.js';

/** An account, as the fake returns it. */
export interface FakeUser {
  login: string;
  type: 'User' | 'Bot';
}

/** A comment on an issue or pull request. */
export interface FakeComment {
  id: number;
  issue: number;
  body: string;
  user: FakeUser;
  /** How many times it was edited. */
  edits: number;
}

/** An issue or pull request. */
export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason: string | null;
  labels: string[];
  user: FakeUser;
  isPullRequest: boolean;
}

/** A canned failure returned instead of the next response. */
export interface FakeFault {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** One request as the fake saw it. */
export interface FakeRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  accept: string | undefined;
  apiVersion: string | undefined;
}

/** The running fake. */
export interface FakeGitHub {
  /** The API root to put in GITHUB_API_URL. */
  url: string;
  readonly comments: FakeComment[];
  readonly issues: Map<number, FakeIssue>;
  readonly requests: FakeRequest[];
  /** Registers a token; `app` tokens (Actions or a GitHub App) are refused by GET /user and write as `login`, a Bot. */
  addToken(token: string, login: string, kind?: 'user' | 'app'): void;
  /** Opens a pull request (an issue with `pull_request`) and returns its number. */
  addPullRequest(author?: string): number;
  /** Adds a comment as `login` (registered or not). */
  addComment(issue: number, login: string, body: string): FakeComment;
  /** Adds an issue as `login`. */
  addIssue(
    login: string,
    fields: { title: string; body: string; labels?: string[]; state?: 'open' | 'closed' },
  ): FakeIssue;
  /** Makes the next requests fail with these faults, in order. */
  failNext(...faults: FakeFault[]): void;
  close(): Promise<void>;
}

/** Options of the fake. */
export interface FakeGitHubOptions {
  /** owner/name of the only repository. */
  repository?: string;
  /** Path prefix, as GitHub Enterprise serves the API under `/api/v3`. */
  prefix?: string;
}

/** Starts the fake on a free port. */
export async function startFakeGitHub(options: FakeGitHubOptions = {}): Promise<FakeGitHub> {
  const repository = options.repository ?? 'o/r';
  const prefix = options.prefix ?? '';
  const tokens = new Map<string, { user: FakeUser; app: boolean }>();
  const comments: FakeComment[] = [];
  const issues = new Map<number, FakeIssue>();
  const requests: FakeRequest[] = [];
  const faults: FakeFault[] = [];
  let nextComment = 1000;
  let nextIssue = 1;
  let origin = '';

  const userOf = (login: string): FakeUser =>
    [...tokens.values()].find((t) => t.user.login === login)?.user ?? {
      login,
      type: login.endsWith('[bot]') ? 'Bot' : 'User',
    };
  const commentJson = (c: FakeComment) => ({
    id: c.id,
    body: c.body,
    user: c.user,
    html_url: `https://github.example/${repository}/issues/${c.issue}#issuecomment-${c.id}`,
  });
  const issueJson = (i: FakeIssue) => ({
    number: i.number,
    title: i.title,
    body: i.body,
    state: i.state,
    state_reason: i.state_reason,
    user: i.user,
    labels: i.labels.map((name) => ({ name })),
    html_url: `https://github.example/${repository}/${i.isPullRequest ? 'pull' : 'issues'}/${i.number}`,
    ...(i.isPullRequest
      ? { pull_request: { url: `${origin}${prefix}/repos/${repository}/pulls/${i.number}` } }
      : {}),
  });

  const page = <T>(res: ServerResponse, url: URL, items: readonly T[]) => sendPage(res, url, items, origin);

  async function route(req: IncomingMessage, res: ServerResponse, caller: { user: FakeUser; app: boolean }) {
    const url = new URL(req.url ?? '/', 'http://fake');
    const method = req.method ?? 'GET';
    if (!url.pathname.startsWith(`${prefix}/`)) return send(res, 404, { message: 'Not Found' });
    const path = url.pathname.slice(prefix.length);
    if (method === 'GET' && path === '/user') {
      if (caller.app) return send(res, 403, { message: 'Resource not accessible by integration' });
      return send(res, 200, caller.user);
    }
    const repoPrefix = `/repos/${repository}/`;
    if (!path.startsWith(repoPrefix)) return send(res, 404, { message: 'Not Found' });
    const rest = path.slice(repoPrefix.length);
    let m: RegExpExecArray | null;
    if ((m = /^issues\/(\d+)\/comments$/.exec(rest))) {
      const issue = issues.get(Number(m[1]));
      if (!issue) return send(res, 404, { message: 'Not Found' });
      if (method === 'GET')
        return page(res, url, comments.filter((c) => c.issue === issue.number).map(commentJson));
      if (method === 'POST') {
        const body = await readJson(req);
        if (typeof body['body'] !== 'string') return send(res, 422, { message: 'body is required' });
        if (body['body'].length > 65_536)
          return send(res, 422, { message: 'body is too long (maximum is 65536 characters)' });
        const c: FakeComment = {
          id: nextComment++,
          issue: issue.number,
          body: body['body'],
          user: caller.user,
          edits: 0,
        };
        comments.push(c);
        return send(res, 201, commentJson(c));
      }
    }
    if ((m = /^issues\/comments\/(\d+)$/.exec(rest)) && method === 'PATCH') {
      const c = comments.find((x) => x.id === Number(m?.[1]));
      if (!c) return send(res, 404, { message: 'Not Found' });
      const body = await readJson(req);
      if (typeof body['body'] !== 'string') return send(res, 422, { message: 'body is required' });
      if (body['body'].length > 65_536)
        return send(res, 422, { message: 'body is too long (maximum is 65536 characters)' });
      c.body = body['body'];
      c.edits += 1;
      return send(res, 200, commentJson(c));
    }
    if (rest === 'issues' && method === 'GET') {
      const state = url.searchParams.get('state') ?? 'open';
      const labels = (url.searchParams.get('labels') ?? '').split(',').filter((l) => l !== '');
      const found = [...issues.values()]
        .filter((i) => state === 'all' || i.state === state)
        .filter((i) => labels.every((l) => i.labels.includes(l)))
        .sort((a, b) => b.number - a.number);
      return page(res, url, found.map(issueJson));
    }
    if (rest === 'issues' && method === 'POST') {
      const body = await readJson(req);
      if (typeof body['title'] !== 'string') return send(res, 422, { message: 'title is required' });
      const text = typeof body['body'] === 'string' ? body['body'] : '';
      if (text.length > 65_536)
        return send(res, 422, { message: 'body is too long (maximum is 65536 characters)' });
      const issue = addIssue(caller.user, {
        title: body['title'],
        body: text,
        labels: Array.isArray(body['labels']) ? body['labels'].map(String) : [],
      });
      return send(res, 201, issueJson(issue));
    }
    if ((m = /^issues\/(\d+)$/.exec(rest)) && method === 'PATCH') {
      const issue = issues.get(Number(m[1]));
      if (!issue) return send(res, 404, { message: 'Not Found' });
      const body = await readJson(req);
      if (typeof body['title'] === 'string') issue.title = body['title'];
      if (typeof body['body'] === 'string') {
        if (body['body'].length > 65_536) return send(res, 422, { message: 'body is too long' });
        issue.body = body['body'];
      }
      if (body['state'] === 'open' || body['state'] === 'closed') issue.state = body['state'];
      if (typeof body['state_reason'] === 'string') issue.state_reason = body['state_reason'];
      return send(res, 200, issueJson(issue));
    }
    return send(res, 404, { message: `Not Found: ${method} ${path}` });
  }

  function addIssue(
    user: FakeUser,
    fields: { title: string; body: string; labels?: string[]; state?: 'open' | 'closed'; pr?: boolean },
  ): FakeIssue {
    const issue: FakeIssue = {
      number: nextIssue++,
      title: fields.title,
      body: fields.body,
      state: fields.state ?? 'open',
      state_reason: null,
      labels: fields.labels ?? [],
      user,
      isPullRequest: fields.pr ?? false,
    };
    issues.set(issue.number, issue);
    return issue;
  }

  const server = createServer((req, res) => {
    const authorization = req.headers.authorization;
    requests.push({
      method: req.method ?? '',
      path: req.url ?? '',
      authorization,
      accept: req.headers.accept,
      apiVersion: req.headers['x-github-api-version'] as string | undefined,
    });
    const fault = faults.shift();
    if (fault) return send(res, fault.status, fault.body ?? { message: 'fault' }, fault.headers);
    const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    const caller = token === undefined ? undefined : tokens.get(token);
    if (!caller) return send(res, 401, { message: 'Bad credentials' });
    route(req, res, caller).catch((error: unknown) => send(res, 500, { message: String(error) }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}${prefix}`,
    comments,
    issues,
    requests,
    addToken(token, login, kind = 'user') {
      const app = kind === 'app';
      tokens.set(token, {
        user: { login, type: app ? 'Bot' : 'User' },
        app,
      });
    },
    addPullRequest(author = 'octocat') {
      return addIssue(userOf(author), { title: 'Change manifests', body: '', pr: true }).number;
    },
    addComment(issue, login, body) {
      const c: FakeComment = { id: nextComment++, issue, body, user: userOf(login), edits: 0 };
      comments.push(c);
      return c;
    },
    addIssue(login, fields) {
      return addIssue(userOf(login), fields);
    },
    failNext(...more) {
      faults.push(...more);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

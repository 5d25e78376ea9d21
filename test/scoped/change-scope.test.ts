/**
 * The change scope alone (plan/changed.ts, pure): which documents changed between a base and the
 * tree, what the targeted read must look at for them, and what it must list whole for a delete.
 */
import { describe, expect, it } from 'vitest';
import { changeScope, changeScopeText, changedDocuments } from '../../src/plan/changed.js';
import { loadForTest } from '../helpers/apply.js';
import { ASSOCIATION, DOMAIN, FIXED_PROFILE, PROJECT, TOOLING } from '../truthful/support.js';

const BASE = () =>
  [
    DOMAIN(),
    ASSOCIATION(),
    TOOLING(),
    FIXED_PROFILE(),
    PROJECT('p1', '  description: one\n'),
    PROJECT('p2'),
  ].join('');

async function docs(text: string) {
  return (await loadForTest(text)).documents;
}

describe('changedDocuments', () => {
  it('added, edited and removed by identity and content; reordered keys are no edit', async () => {
    const base = await docs(BASE());
    // The same profile with its keys in another order: not an edit.
    const reordered = FIXED_PROFILE()
      .replace('  status: ENABLED\n  environments:', '  environments:')
      .replace(
        '        - { name: maxInstances, value: "2", editable: true }\n',
        '        - { name: maxInstances, value: "2", editable: true }\n  status: ENABLED\n',
      );
    expect(reordered).not.toBe(FIXED_PROFILE());
    const tree = await docs(
      [
        DOMAIN(),
        ASSOCIATION(),
        TOOLING(),
        reordered,
        PROJECT('p1', '  description: two\n'),
        PROJECT('p3'),
      ].join(''),
    );
    expect(changedDocuments(base, tree).map((c) => `${c.change} ${c.key}`)).toEqual([
      'edited Project/d1/p1',
      'removed Project/d1/p2',
      'added Project/d1/p3',
    ]);
  });
});

describe('changeScope', () => {
  it('an edited project: it is read fully, its declared profile and the domain only found by name', async () => {
    const base = await docs(BASE());
    const tree = await docs(BASE().replace('description: one', 'description: two'));
    const scope = changeScope(base, tree, 'origin/main');
    expect([...scope.only]).toEqual(['Project/d1/p1']);
    expect(scope.scope).toEqual({
      domains: [
        {
          name: 'd1',
          region: 'us-east-1',
          wanted: { Project: ['p1'] },
          allKinds: [],
          targeted: { listed: { ProjectProfile: ['fixed'] }, listAll: [] },
        },
      ],
      accounts: [],
      studioDomains: [],
    });
    expect(changeScopeText(scope, 'origin/main')).toBe(
      '3 of 6 declared resources read (--changed-since origin/main); unmanaged and prune not evaluated',
    );
  });

  it('a profile tombstoned: every project of the domain is listed, to find what still uses it', async () => {
    const base = await docs([DOMAIN(), ASSOCIATION(), TOOLING(), FIXED_PROFILE()].join(''));
    const tree = await docs(
      [
        DOMAIN(),
        ASSOCIATION(),
        TOOLING(),
        '---\napiVersion: smus-gitops/v1alpha1\nkind: ProjectProfile\nmetadata: { name: "fixed", domain: d1 }\nlifecycle: { ensure: absent }\n',
      ].join(''),
    );
    const scope = changeScope(base, tree, 'main');
    expect(scope.scope.domains[0]?.targeted).toEqual({ listed: {}, listAll: ['Project'] });
    expect(scope.scope.domains[0]?.wanted).toEqual({ ProjectProfile: ['fixed'] });
  });

  it('a removed document of a kind not pruned is no delete, only a note; nothing is read for it', async () => {
    const base = await docs(BASE());
    const tree = await docs(
      [DOMAIN(), ASSOCIATION(), TOOLING(), FIXED_PROFILE(), PROJECT('p1', '  description: one\n')].join(''),
    );
    const scope = changeScope(base, tree, 'main');
    expect(scope.only.size).toBe(0);
    expect(scope.scope.domains).toEqual([]);
    expect(scope.notes).toEqual([
      'Project/p2 was removed from the manifests since main; its kind is not pruned, so it is left as it is (unmanaged)',
    ]);
  });

  it('an edited blueprint configuration reads its account, with the role of its association', async () => {
    const base = await docs(BASE());
    const tree = await docs(
      BASE().replace('enabledRegions: [us-east-1]', 'enabledRegions: [us-east-1, us-west-2]'),
    );
    const scope = changeScope(base, tree, 'main');
    expect(scope.scope.accounts).toEqual([
      { domain: 'd1', account: '444455556666', roleArn: 'arn:aws:iam::444455556666:role/SmusGitOpsDeployer' },
    ]);
    expect(scope.scope.domains[0]?.targeted?.listed).toEqual({ AccountAssociation: ['444455556666'] });
  });
});

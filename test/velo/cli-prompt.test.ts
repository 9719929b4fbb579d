// `wix-install` in a terminal, where the site has its own masterPage.js: the owner sees a
// unified diff of theirs against the kit's and is asked (y/N). Run in-process (cli/main.ts's
// run(), as bin/ runs the build of it) with a scripted terminal, on the built package's tree.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import type { Io } from '../../cli/io.js';
import { run } from '../../cli/main.js';
import { builtPackage, type BuiltPackage } from './support/built-package.js';
import { fakeSiteRepo, OWNERS_MASTER_PAGE, put, snapshot } from './support/fake-site-repo.js';

const MASTER_PAGE = 'src/pages/masterPage.js';

/** A terminal whose person answers each question with the next of `answers`. */
function terminal(answers: string[]): Io & { out: string[]; questions: string[] } {
  const out: string[] = [];
  const questions: string[] = [];
  return {
    out,
    questions,
    interactive: true,
    print: (text) => void out.push(text),
    error: (text) => void out.push(text),
    async ask(question) {
      questions.push(question);
      return answers.shift() ?? '';
    },
  };
}

let pkg: BuiltPackage;
before(async () => {
  pkg = await builtPackage();
});

describe('wix-install in a terminal, with the owner\'s own masterPage.js', () => {
  it('shows the difference (theirs removed, the kit\'s added) and asks before touching it', async () => {
    const repo = await fakeSiteRepo({ [MASTER_PAGE]: OWNERS_MASTER_PAGE });
    const io = terminal(['']);
    await run(['wix-install', repo], io, pkg.root);
    assert.deepEqual(io.questions.length, 1, 'asked exactly once, for the one file that differs');
    assert.match(io.questions[0]!, /Replace src\/pages\/masterPage\.js with the kit's version\? .*\[y\/N\]/);
    const shown = io.out.join('\n');
    assert.match(shown, /^--- src\/pages\/masterPage\.js \(yours\)$/m);
    assert.match(shown, /^\+\+\+ src\/pages\/masterPage\.js \(the kit's\)$/m);
    assert.match(shown, /^-\s+\$w\('#promoBanner'\)\.text/m, "the owner's line, shown as going");
    const kitLine = (await readFile(join(pkg.tree, 'pages/masterPage.js'), 'utf8')).split('\n').find((line) => line.includes('connectMemberChat'))!;
    assert.ok(shown.split('\n').includes(`+${kitLine}`), "the kit's line, shown as coming");
  });

  it('from a Windows checkout (CRLF), shows only the lines that really differ', async () => {
    const kitPage = await readFile(join(pkg.tree, 'pages/masterPage.js'), 'utf8');
    const ownLine = "$w.onReady(() => $w('#footerNote').show());";
    const repo = await fakeSiteRepo({ [MASTER_PAGE]: `${kitPage}${ownLine}\n`.replace(/\n/g, '\r\n') });
    const io = terminal(['']);
    await run(['wix-install', repo], io, pkg.root);
    const diff = io.out.find((text) => text.startsWith(`--- ${MASTER_PAGE} (yours)`))!;
    const changed = diff.split('\n').filter((line) => /^[-+](?![-+]{2} )/.test(line));
    assert.deepEqual(changed, [`-${ownLine}`]);
  });

  it('No (the default, just Enter): theirs stays, the kit\'s version is set aside to merge, exit 1', async () => {
    const repo = await fakeSiteRepo({ [MASTER_PAGE]: OWNERS_MASTER_PAGE });
    const code = await run(['wix-install', repo], terminal(['']), pkg.root);
    assert.equal(code, 1);
    assert.equal(await readFile(join(repo, MASTER_PAGE), 'utf8'), OWNERS_MASTER_PAGE);
    assert.deepEqual(
      await readFile(join(repo, 'sitegpt-member-chat/to-merge', MASTER_PAGE)),
      await readFile(join(pkg.tree, 'pages/masterPage.js')),
    );
  });

  it("y: the kit's version replaces it, theirs is kept in a copy, and the next run asks nothing", async () => {
    const repo = await fakeSiteRepo({ [MASTER_PAGE]: OWNERS_MASTER_PAGE });
    const code = await run(['wix-install', repo], terminal(['y']), pkg.root);
    assert.equal(code, 0);
    assert.deepEqual(await readFile(join(repo, MASTER_PAGE)), await readFile(join(pkg.tree, 'pages/masterPage.js')));
    assert.equal(await readFile(join(repo, 'sitegpt-member-chat/replaced', MASTER_PAGE), 'utf8'), OWNERS_MASTER_PAGE);

    const before = await snapshot(repo);
    const again = terminal([]);
    assert.equal(await run(['wix-install', repo], again, pkg.root), 0);
    assert.deepEqual(again.questions, []);
    assert.deepEqual(await snapshot(repo), before);
  });

  it('a second y never overwrites the copy of theirs kept by the first: the new copy goes beside it', async () => {
    const repo = await fakeSiteRepo({ [MASTER_PAGE]: OWNERS_MASTER_PAGE });
    await run(['wix-install', repo], terminal(['y']), pkg.root);
    // Later the owner puts code of their own back into masterPage.js, and again says y.
    const later = `${OWNERS_MASTER_PAGE}$w.onReady(() => $w('#footerNote').show());\n`;
    await put(repo, MASTER_PAGE, later);
    const io = terminal(['y']);
    assert.equal(await run(['wix-install', repo], io, pkg.root), 0);
    assert.deepEqual(await readFile(join(repo, MASTER_PAGE)), await readFile(join(pkg.tree, 'pages/masterPage.js')));
    assert.equal(await readFile(join(repo, 'sitegpt-member-chat/replaced', MASTER_PAGE), 'utf8'), OWNERS_MASTER_PAGE, 'the first copy is kept');
    const second = 'sitegpt-member-chat/replaced/src/pages/masterPage.1.js';
    assert.equal(await readFile(join(repo, second), 'utf8'), later);
    assert.ok(io.out.some((line) => line.includes(`yours is saved in ${second}`)), io.out.join('\n'));

    // The first version once more: it is already kept, so no third copy.
    await put(repo, MASTER_PAGE, OWNERS_MASTER_PAGE);
    const third = terminal(['y']);
    await run(['wix-install', repo], third, pkg.root);
    assert.ok(third.out.some((line) => line.includes(`yours is saved in sitegpt-member-chat/replaced/${MASTER_PAGE})`)), third.out.join('\n'));
    assert.deepEqual(
      [...(await snapshot(repo)).keys()].filter((path) => path.startsWith('sitegpt-member-chat/replaced/')),
      ['sitegpt-member-chat/replaced/src/pages/masterPage.1.js', 'sitegpt-member-chat/replaced/src/pages/masterPage.js'],
    );
  });
});

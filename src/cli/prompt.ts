/**
 * The confirmation apply asks on a terminal, worded as Terraform words it so that people who
 * know one know the other: only the exact answer `yes` approves; anything else, an empty line or
 * the end of input (Ctrl-D) declines. The streams are parameters so tests drive it with a
 * PassThrough instead of a pseudo-terminal.
 */
import { createInterface } from 'node:readline';

/** The question apply asks before acting. */
export const APPLY_QUESTION = 'Do you want to perform these actions?';

/** The full prompt text for a question (what the terminal shows before the answer). */
export function promptText(question: string): string {
  return (
    `\n${question}\n` +
    '  smus-gitops will perform the actions described above.\n' +
    "  Only 'yes' will be accepted to approve.\n\n" +
    '  Enter a value: '
  );
}

/** Asks `question` on `output`, reads one line from `input`; true only for `yes`. */
export function askYes(
  question: string,
  input: NodeJS.ReadableStream,
  output: (text: string) => void,
): Promise<boolean> {
  output(promptText(question));
  return new Promise((resolve) => {
    const rl = createInterface({ input, terminal: false });
    let answered = false;
    rl.once('line', (line) => {
      answered = true;
      rl.close();
      output('\n');
      resolve(line.trim() === 'yes');
    });
    rl.once('close', () => {
      if (!answered) {
        output('\n');
        resolve(false);
      }
    });
  });
}

/**
 * The `confirm` of a `CliIo`: present only when both ends are a terminal (a person can see the
 * plan and answer); absent otherwise, and apply then refuses without `--auto-approve`.
 */
export function terminalConfirm(
  stdin: NodeJS.ReadableStream & { isTTY?: boolean },
  stdoutIsTTY: boolean,
  output: (text: string) => void,
): ((question: string) => Promise<boolean>) | undefined {
  if (!stdin.isTTY || !stdoutIsTTY) return undefined;
  return (question) => askYes(question, stdin, output);
}

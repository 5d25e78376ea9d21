/**
 * `smus-gitops validate [paths...] [--format text|json|github]`: loads and checks manifests,
 * prints every problem with its location, and exits 1 when any is an error. It makes no AWS call.
 */
import { Option } from 'commander';
import { hasErrors } from '../../diagnostics/diagnostic.js';
import { loadManifests } from '../../validate/load-manifests.js';
import {
  renderDiagnosticsGithub,
  renderDiagnosticsJson,
  renderDiagnosticsText,
  type DiagnosticFormat,
} from '../../render/diagnostics.js';
import { ExitCode } from '../exit-codes.js';
import type { CommandRegistrar } from '../main.js';

const RENDERERS = {
  text: renderDiagnosticsText,
  json: renderDiagnosticsJson,
  github: renderDiagnosticsGithub,
} satisfies Record<DiagnosticFormat, unknown>;

/** Adds the `validate` command. */
export const registerValidateCommand: CommandRegistrar = (program, io, setExit) => {
  program
    .command('validate')
    .description('check manifests (YAML, schema, references, policies) without calling AWS')
    .argument('[paths...]', 'files or directories holding *.yaml / *.yml manifests', ['.'])
    .addOption(
      new Option('--format <format>', 'output format').choices(['text', 'json', 'github']).default('text'),
    )
    .action(async (paths: string[], options: { format: DiagnosticFormat }) => {
      const result = await loadManifests(paths, io.cwd);
      io.stdout(RENDERERS[options.format](result.diagnostics, result));
      setExit(hasErrors(result.diagnostics) ? ExitCode.Error : ExitCode.Ok);
    });
};

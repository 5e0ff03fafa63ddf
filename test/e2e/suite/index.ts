// Entry the extension host loads (extensionTestsPath): runs the suite, writes the results file.
import * as fs from 'fs';
import * as path from 'path';
import { runAll } from './harness';
import { registerTests } from './tests';

export async function run(): Promise<void> {
  const config = JSON.parse(fs.readFileSync(path.join(__dirname, 'config.json'), 'utf8')) as { resultsFile: string; workspace: string; userData: string; grep?: string };
  registerTests(config.workspace, config.userData);
  await runAll(config.resultsFile, config.grep);
}

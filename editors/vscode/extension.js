// A thin client: every feature but the colours comes from the language server, `safeguard lsp`, over stdio.
'use strict';

const fs = require('fs');
const os = require('os');
const path = require('path');
const vscode = require('vscode');
const { CloseAction, ErrorAction, LanguageClient, RevealOutputChannelOn } = require('vscode-languageclient/node');

const NAME = 'SafeguardGen .treaty';
const INSTALL = 'dotnet tool install --global SafeguardGen.Tool';

/** @type {LanguageClient | undefined} */
let client;
/** @type {vscode.LogOutputChannel | undefined} */
let outputChannel;
/** @type {vscode.FileSystemWatcher | undefined} */
let watcher;
/** Starts, stops and restarts run one after the other, never interleaved. */
let queue = Promise.resolve();

function enqueue(operation) {
  queue = queue.then(operation, operation);
  return queue;
}

/** The server's command: the setting (an executable, or a .dll run with dotnet), else `safeguard` on PATH. */
function serverCommand() {
  const config = vscode.workspace.getConfiguration('safeguard.server');
  let configured = String(config.get('path') || '').trim();
  const extraArgs = (config.get('extraArgs') || []).map(String);
  const args = ['lsp', ...extraArgs];
  if (!configured) {
    return { command: 'safeguard', args };
  }
  if (configured === '~' || configured.startsWith('~/') || configured.startsWith('~\\')) {
    configured = path.join(os.homedir(), configured.slice(1));
  }
  const folder = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  if (!path.isAbsolute(configured) && folder && folder.uri.scheme === 'file') {
    configured = path.join(folder.uri.fsPath, configured);
  }
  if (!fs.existsSync(configured)) {
    throw new Error(`'safeguard.server.path' is '${configured}', which does not exist`);
  }
  if (configured.toLowerCase().endsWith('.dll')) {
    return { command: 'dotnet', args: [configured, ...args] };
  }
  return { command: configured, args };
}

function reportStartFailure(error) {
  const reason = error instanceof Error ? error.message : String(error);
  void vscode.window.showErrorMessage(
    `The .treaty language server could not be started (${reason}). Install it with '${INSTALL}', ` +
      `or set 'safeguard.server.path' to the 'safeguard' executable or to 'safeguard.dll'.`,
  );
}

async function startClient() {
  let server;
  try {
    server = serverCommand();
  } catch (error) {
    reportStartFailure(error);
    return;
  }
  // The transport is stdio. It is left unset on purpose: `transport: TransportKind.stdio` would make the
  // client append `--stdio` to the arguments, and the server's command line is exactly `safeguard lsp [extraArgs]`.
  const serverOptions = { command: server.command, args: server.args };
  let started = false;
  const clientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'treaty' },
      { scheme: 'untitled', language: 'treaty' },
    ],
    synchronize: { fileEvents: watcher },
    outputChannel,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    // A server that fails before it has started is reported by reportStartFailure, not retried nor restarted;
    // one that crashes later is restarted as the client does by default.
    initializationFailedHandler: () => false,
    errorHandler: {
      error: (error, message, count) =>
        started ? fallback.error(error, message, count) : { action: ErrorAction.Continue, handled: true },
      closed: () => (started ? fallback.closed() : { action: CloseAction.DoNotRestart, handled: true }),
    },
  };
  // The id 'safeguard' makes the client read the 'safeguard.trace.server' setting.
  const starting = new LanguageClient('safeguard', NAME, serverOptions, clientOptions);
  const fallback = starting.createDefaultErrorHandler();
  client = starting;
  try {
    await starting.start();
    started = true;
  } catch (error) {
    reportStartFailure(error);
  }
}

async function stopClient() {
  const stopping = client;
  client = undefined;
  if (stopping === undefined) {
    return;
  }
  try {
    // A client is never started again once stopped: the next start makes a new one.
    await stopping.dispose();
  } catch {
    // A client whose start failed, or whose server already exited, has nothing left to stop.
  }
}

/** @param {vscode.ExtensionContext} context */
function activate(context) {
  outputChannel = vscode.window.createOutputChannel(NAME, { log: true });
  watcher = vscode.workspace.createFileSystemWatcher('**/*.treaty');
  const restart = () => enqueue(async () => {
    await stopClient();
    await startClient();
  });
  context.subscriptions.push(
    outputChannel,
    watcher,
    vscode.commands.registerCommand('safeguard.restartServer', restart),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('safeguard.server')) {
        void restart();
      }
    }),
  );
  return enqueue(startClient);
}

function deactivate() {
  return enqueue(stopClient);
}

module.exports = { activate, deactivate };

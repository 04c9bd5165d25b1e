import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createSimulator, type Simulator, type SimulatorOptions } from "./simulator";

/** node:http ⇄ Web Request/Response, streaming both ways (keyframe uploads in, video ranges out). */

function toWebRequest(req: IncomingMessage, signal: AbortSignal): Request {
  const url = `http://${req.headers.host ?? "127.0.0.1"}${req.url ?? "/"}`;
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (Array.isArray(value)) for (const item of value) headers.append(key, item);
    else if (value !== undefined) headers.set(key, value);
  }
  const method = req.method ?? "GET";
  if (method === "GET" || method === "HEAD") return new Request(url, { method, headers, signal });
  const chunks = req[Symbol.asyncIterator]();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(Buffer.from(value));
    },
    cancel() {
      req.destroy();
    },
  });
  // Node requires `duplex` for streamed bodies; the DOM typings do not know it yet.
  const init: RequestInit & { duplex: "half" } = { method, headers, body, signal, duplex: "half" };
  return new Request(url, init);
}

async function writeWebResponse(response: Response, res: ServerResponse): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  res.writeHead(response.status, headers);
  if (!response.body) {
    res.end();
    return;
  }
  const reader = response.body.getReader();
  try {
    while (!res.destroyed) {
      const { value, done } = await reader.read();
      if (done) break;
      // Respect backpressure so a slow client does not make us buffer a whole video.
      if (!res.write(value)) {
        await new Promise<void>((resolve) => {
          const done = () => {
            res.off("drain", done);
            res.off("close", done);
            resolve();
          };
          res.once("drain", done);
          res.once("close", done);
        });
      }
    }
  } finally {
    if (res.destroyed) await reader.cancel().catch(() => undefined);
    else reader.releaseLock();
    res.end();
  }
}

export function toNodeHandler(simulator: Simulator, mountPrefix = "") {
  return (req: IncomingMessage, res: ServerResponse) => {
    const abort = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) abort.abort();
    });
    simulator
      .handle(toWebRequest(req, abort.signal), mountPrefix)
      .then((response) => writeWebResponse(response, res))
      .catch((error: unknown) => {
        if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
        res.end(JSON.stringify({ detail: `simulator error: ${String(error)}` }));
      });
  };
}

export interface SimulatorServerOptions extends SimulatorOptions {
  /** 0 picks a free port. Default 4010. */
  port?: number;
  host?: string;
}

export interface SimulatorServer {
  url: string;
  simulator: Simulator;
  server: Server;
  close(): Promise<void>;
}

/** The simulator on its own HTTP server: the standalone entry, tests and benchmarks use it. */
export async function createSimulatorServer(options: SimulatorServerOptions): Promise<SimulatorServer> {
  const { port = 4010, host = "127.0.0.1", ...rest } = options;
  const simulator = createSimulator(rest);
  await simulator.ready;
  const server = createServer(toNodeHandler(simulator));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("simulator server has no TCP address");
  const shownHost = host.includes(":") ? `[${host}]` : host === "0.0.0.0" ? "127.0.0.1" : host;
  return {
    url: `http://${shownHost}:${address.port}`,
    simulator,
    server,
    async close() {
      await simulator.close();
      server.closeAllConnections();
      // A connection opened after closeAllConnections() would keep close() waiting; drop it too.
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      const sweeper = setInterval(() => server.closeAllConnections(), 100);
      await closed.finally(() => clearInterval(sweeper));
    },
  };
}

/**
 * The loopback HTTP receiver (tests/php/receiver/router.php under `php -S`)
 * for browser tests: started in its own process group on
 * FOOTPRINTS_RECEIVER_PORT (default 8893), told what to answer, asked what
 * it received, and stopped with its whole group.
 */

/**
 * External dependencies
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface ReceivedRequest {
	method: string;
	uri: string;
	headers: Record< string, string >;
	body: string;
}

export interface Answer {
	status?: number;
	body?: string;
	/** The AI server's chat completion text (tests/ai-provider/router.php). */
	content?: string;
	/** The AI server's OpenAI-style error message, with `status`. */
	error?: string;
}

const ROUTER = path.resolve( __dirname, '../php/receiver/router.php' );

export interface ReceiverOptions {
	/** The `php -S` router (default: tests/php/receiver/router.php). */
	router?: string;
	/** Environment variable naming the port. */
	portVariable?: string;
	/** Port when the variable is not set. */
	defaultPort?: number;
}

export class Receiver {
	readonly port: number;
	readonly url: string;
	private readonly router: string;
	private readonly dir = fs.mkdtempSync(
		path.join( os.tmpdir(), 'footprints-e2e-receiver-' )
	);
	private server?: ChildProcess;

	constructor( options: ReceiverOptions = {} ) {
		this.router = options.router ?? ROUTER;
		this.port = Number(
			process.env[ options.portVariable ?? 'FOOTPRINTS_RECEIVER_PORT' ] ||
				( options.defaultPort ?? 8893 )
		);
		this.url = `http://127.0.0.1:${ this.port }`;
	}

	/** Starts it and waits until it answers. */
	async start() {
		this.answer( [ { status: 200, body: '{"ok":true}' } ] );
		this.server = spawn(
			'php',
			[ '-S', `127.0.0.1:${ this.port }`, this.router ],
			{
				detached: true,
				stdio: 'ignore',
				env: { ...process.env, FOOTPRINTS_RECEIVER_DIR: this.dir },
			}
		);
		for ( let i = 0; i < 50; i++ ) {
			try {
				await fetch( `${ this.url }/ready` );
				this.clear();
				return;
			} catch {
				await new Promise( ( resolve ) => setTimeout( resolve, 100 ) );
			}
		}
		throw new Error( `The receiver did not start on port ${ this.port }` );
	}

	/**
	 * What it answers from now on, in order (the last one repeats).
	 * @param answers Answers.
	 */
	answer( answers: Answer[] ) {
		fs.writeFileSync(
			path.join( this.dir, 'answers.json' ),
			JSON.stringify( answers )
		);
		this.clear();
	}

	/** Forgets what it received (the answers start over). */
	clear() {
		fs.rmSync( path.join( this.dir, 'requests.jsonl' ), { force: true } );
	}

	/** Every request received since the last clear, oldest first. */
	requests(): ReceivedRequest[] {
		const file = path.join( this.dir, 'requests.jsonl' );
		if ( ! fs.existsSync( file ) ) {
			return [];
		}
		return fs
			.readFileSync( file, 'utf8' )
			.split( '\n' )
			.filter( Boolean )
			.map( ( line ) => JSON.parse( line ) as ReceivedRequest );
	}

	/** Stops its whole process group (php -S may run workers). */
	stop() {
		if ( this.server?.pid ) {
			try {
				process.kill( -this.server.pid, 'SIGTERM' );
			} catch {
				// Already gone.
			}
		}
		fs.rmSync( this.dir, { recursive: true, force: true } );
	}
}

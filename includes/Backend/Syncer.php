<?php
/**
 * Syncer.
 *
 * @package Footprints
 */

namespace Footprints\Backend;

use Footprints\Database\Lock;
use Footprints\Definitions\DefinitionMirror;
use Footprints\Definitions\DefinitionSchema;
use Footprints\Definitions\SystemEvents;
use Footprints\Hookable;

/**
 * Pulls the remote backend's definitions into the local copy, on demand and
 * hourly through WP-Cron. The copy is replaced all at once, and only when
 * every page arrived and every definition is valid: a backend that is down
 * or answers garbage never empties or damages it.
 */
final class Syncer implements Hookable {

	public const CRON_HOOK = 'footprints_sync';

	// A remote with more pages than this is not a Footprints backend we can hold.
	private const MAX_PAGES = 1000;

	/**
	 * Constructor.
	 *
	 * @param DefinitionMirror $definitions Replaces the local custom definitions.
	 * @param Connection       $connection  The backend settings.
	 * @param SyncStatus       $status      Result of the last sync.
	 * @param Lock             $lock        Held while a sync runs (cron and a click may meet).
	 */
	public function __construct( private DefinitionMirror $definitions, private Connection $connection, private SyncStatus $status, private Lock $lock ) {}

	/**
	 * Runs scheduled syncs while a remote backend is connected.
	 */
	public function hook(): void {
		add_action( self::CRON_HOOK, array( $this, 'sync_scheduled' ) );
		add_action( 'init', array( $this, 'schedule' ) );
	}

	/**
	 * Schedules the hourly sync for a remote backend, and removes it otherwise.
	 */
	public function schedule(): void {
		$next = wp_next_scheduled( self::CRON_HOOK );
		if ( $this->connection->is_remote() && ! $next ) {
			wp_schedule_event( time() + HOUR_IN_SECONDS, 'hourly', self::CRON_HOOK );
		} elseif ( ! $this->connection->is_remote() && $next ) {
			wp_clear_scheduled_hook( self::CRON_HOOK );
		}
	}

	/**
	 * The cron job; its result is in the sync status.
	 */
	public function sync_scheduled(): void {
		if ( $this->connection->is_remote() ) {
			$this->sync();
		}
	}

	/**
	 * Syncs now. Returns the new status, or the error (also recorded in it).
	 *
	 * @return array<string, mixed>|\WP_Error
	 */
	public function sync(): array|\WP_Error {
		if ( ! $this->connection->is_remote() ) {
			return new \WP_Error( 'footprints_not_remote', __( 'This site is its own backend, so there is nothing to sync. Connect a remote backend first.', 'footprints' ), array( 'status' => 409 ) );
		}
		if ( ! $this->lock->acquire( 0 ) ) {
			return new \WP_Error( 'footprints_sync_running', __( 'A sync is already running. Its result will show in the sync status in a moment.', 'footprints' ), array( 'status' => 409 ) );
		}
		try {
			return $this->sync_locked();
		} finally {
			$this->lock->release();
		}
	}

	/**
	 * Syncs, under the lock.
	 *
	 * @return array<string, mixed>|\WP_Error
	 */
	private function sync_locked(): array|\WP_Error {
		$started  = SyncStatus::now_ms();
		$settings = $this->connection->get();
		$source   = md5( $settings['url'] . '|' . $settings['app_id'] );
		$client   = new RemoteClient( $settings['url'], $settings['app_id'], $this->connection->api_key() );

		$pulled = $this->pull( $client, $this->status->etag( $source ) );
		if ( is_wp_error( $pulled ) ) {
			return $this->fail( $pulled, array(), $started );
		}
		if ( null === $pulled['items'] ) {
			$this->status->succeeded( 'unchanged', self::no_changes(), $started );
			return $this->status->get();
		}
		$checked = self::check( $pulled['items'] );
		if ( $checked['problems'] ) {
			$error = new \WP_Error(
				'footprints_remote_invalid_definitions',
				sprintf(
					/* translators: %d: number of definitions with problems. */
					_n( '%d definition from the backend breaks the definition schema, so nothing was synced and the last good copy is kept. Fix it on the backend, then sync again.', '%d definitions from the backend break the definition schema, so nothing was synced and the last good copy is kept. Fix them on the backend, then sync again.', count( $checked['problems'] ), 'footprints' ),
					count( $checked['problems'] )
				)
			);
			return $this->fail( $error, $checked['problems'], $started );
		}
		try {
			$diff = $this->definitions->replace_custom( $checked['definitions'] );
		} catch ( \RuntimeException $exception ) {
			/* translators: %s: database error. */
			$error = new \WP_Error( 'footprints_sync_write_failed', sprintf( __( 'Storing the synced definitions failed, so the last good copy is kept: %s', 'footprints' ), $exception->getMessage() ) );
			return $this->fail( $error, array(), $started );
		}
		$this->status->set_etag( $source, $pulled['etag'] );
		$this->status->succeeded( 'synced', $diff, $started );
		return $this->status->get();
	}

	/**
	 * Every page of the remote list; items null when the ETag still matches.
	 *
	 * @param RemoteClient $client The remote.
	 * @param string|null  $etag   ETag of the last good copy.
	 * @return array{items: list<mixed>|null, etag: string}|\WP_Error
	 */
	private function pull( RemoteClient $client, ?string $etag ): array|\WP_Error {
		$first = $client->page( 1, $etag );
		if ( is_wp_error( $first ) ) {
			return $first;
		}
		if ( $first['not_modified'] ) {
			return array(
				'items' => null,
				'etag'  => $first['etag'],
			);
		}
		$items = $first['items'];
		$pages = min( $first['pages'], self::MAX_PAGES );
		for ( $page = 2; $page <= $pages; $page++ ) {
			$next = $client->page( $page );
			if ( is_wp_error( $next ) ) {
				return $next;
			}
			if ( $next['etag'] !== $first['etag'] ) {
				return new \WP_Error( 'footprints_remote_changed', __( 'The definitions changed on the backend while syncing, so nothing was synced. Sync again.', 'footprints' ) );
			}
			$items = array_merge( $items, $next['items'] );
		}
		if ( null !== $first['total'] && count( $items ) !== $first['total'] ) {
			return new \WP_Error(
				'footprints_remote_incomplete',
				/* translators: 1: definitions received, 2: definitions announced. */
				sprintf( __( 'The backend announced %2$d definitions but sent %1$d, so nothing was synced. Sync again.', 'footprints' ), count( $items ), $first['total'] )
			);
		}
		return array(
			'items' => $items,
			'etag'  => $first['etag'],
		);
	}

	/**
	 * The custom definitions to store, and what is wrong with the others.
	 * The remote's system events are the same catalogue as ours: skipped.
	 *
	 * @param array<int, mixed> $items What the remote sent.
	 * @return array{definitions: list<array<string, mixed>>, problems: list<array{code: string|null, message: string}>}
	 */
	private static function check( array $items ): array {
		$definitions = array();
		$problems    = array();
		$seen        = array();
		foreach ( $items as $index => $item ) {
			if ( is_array( $item ) && true === ( $item['system'] ?? null ) ) {
				continue;
			}
			$code  = is_array( $item ) && is_string( $item['code'] ?? null ) ? $item['code'] : null;
			$error = DefinitionSchema::validate( $item );
			if ( ! $error && SystemEvents::is_reserved( (string) $code ) ) {
				/* translators: %s: event code. */
				$error = new \WP_Error( 'footprints_reserved_code', sprintf( __( '"%s" is the code of a system event.', 'footprints' ), $code ) );
			}
			if ( ! $error && isset( $seen[ $code ] ) ) {
				/* translators: %s: event code. */
				$error = new \WP_Error( 'footprints_duplicate_code', sprintf( __( '"%s" is listed twice.', 'footprints' ), $code ) );
			}
			if ( $error ) {
				$problems[] = array(
					'code'    => $code,
					/* translators: 1: position in the list, 2: what is wrong. */
					'message' => sprintf( __( 'Definition #%1$d: %2$s', 'footprints' ), $index + 1, $error->get_error_message() ),
				);
				continue;
			}
			$seen[ $code ] = true;
			$definitions[] = $item;
		}//end foreach
		return array(
			'definitions' => $definitions,
			'problems'    => $problems,
		);
	}

	/**
	 * Records a failure and returns it as a 502 for the REST answer.
	 *
	 * @param \WP_Error                                       $error    Why.
	 * @param list<array{code: string|null, message: string}> $problems Per-definition problems.
	 * @param int                                             $started  When the sync started (ms).
	 */
	private function fail( \WP_Error $error, array $problems, int $started ): \WP_Error {
		$this->status->failed( $error, $problems, $started );
		$error->add_data(
			array(
				'status' => 502,
				'sync'   => $this->status->get(),
			)
		);
		return $error;
	}

	/**
	 * The diff of a sync that changed nothing.
	 *
	 * @return array{added: list<string>, changed: list<string>, removed: list<string>}
	 */
	private static function no_changes(): array {
		return array(
			'added'   => array(),
			'changed' => array(),
			'removed' => array(),
		);
	}
}

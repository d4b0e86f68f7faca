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
 *
 * Bounded, so a broken or hostile backend cannot hold a cron run: each
 * answer at most RemoteClient::MAX_BYTES, at most MAX_DEFINITIONS (judged
 * from X-WP-Total before paging), a DEADLINE for the whole sync, and at
 * most MAX_PROBLEMS problems kept. A definition with history here that the
 * backend lacks is kept, disabled (DefinitionRepository::replace_custom);
 * the first sync from a backend waits for an admin's confirmation when
 * there is such history.
 */
final class Syncer implements Hookable {

	public const CRON_HOOK       = 'footprints_sync';
	public const MAX_DEFINITIONS = 10000;
	public const MAX_PROBLEMS    = 50;
	public const DEADLINE        = 60;

	/**
	 * Constructor.
	 *
	 * @param DefinitionMirror      $definitions Replaces the local custom definitions.
	 * @param RemoteBackendSettings $settings    The backend settings.
	 * @param SyncStatus            $status      Result of the last sync.
	 * @param Lock                  $lock        Held while a sync runs (cron and a click may meet).
	 */
	public function __construct( private DefinitionMirror $definitions, private RemoteBackendSettings $settings, private SyncStatus $status, private Lock $lock ) {}

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
		if ( $this->settings->is_remote() && ! $next ) {
			wp_schedule_event( time() + HOUR_IN_SECONDS, 'hourly', self::CRON_HOOK );
		} elseif ( ! $this->settings->is_remote() && $next ) {
			wp_clear_scheduled_hook( self::CRON_HOOK );
		}
	}

	/**
	 * The cron job; its result is in the sync status. It never confirms a
	 * first sync on the admin's behalf.
	 */
	public function sync_scheduled(): void {
		if ( $this->settings->is_remote() ) {
			$this->sync();
		}
	}

	/**
	 * What the first sync from the connected backend would put at stake:
	 * whether it is the first, and the local definitions with history.
	 *
	 * @return array{first_sync: bool, local_history: array{count: int, codes: list<string>}}
	 */
	public function outlook(): array {
		$first = $this->settings->is_remote() && $this->status->is_first( $this->source() );
		return array(
			'first_sync'    => $first,
			'local_history' => $first ? $this->definitions->with_history( 10 ) : array(
				'count' => 0,
				'codes' => array(),
			),
		);
	}

	/**
	 * Syncs now. Returns the new status, or the error (also recorded in it).
	 *
	 * @param bool $confirmed Whether the admin confirmed a first sync over local history.
	 * @return array<string, mixed>|\WP_Error
	 */
	public function sync( bool $confirmed = false ): array|\WP_Error {
		if ( ! $this->settings->is_remote() ) {
			return new \WP_Error( 'footprints_not_remote', __( 'This site is its own backend, so there is nothing to sync. Connect a remote backend first.', 'footprints' ), array( 'status' => 409 ) );
		}
		if ( ! $this->lock->acquire( 0 ) ) {
			return new \WP_Error( 'footprints_sync_running', __( 'A sync is already running. Its result will show in the sync status in a moment.', 'footprints' ), array( 'status' => 409 ) );
		}
		try {
			return $this->sync_locked( $confirmed );
		} finally {
			$this->lock->release();
		}
	}

	/**
	 * Syncs, under the lock.
	 *
	 * @param bool $confirmed Whether the admin confirmed a first sync over local history.
	 * @return array<string, mixed>|\WP_Error
	 */
	private function sync_locked( bool $confirmed ): array|\WP_Error {
		$started  = SyncStatus::now_ms();
		$settings = $this->settings->get();
		$source   = $this->source();
		$key      = $this->settings->api_key();
		if ( '' === $key ) {
			return $this->fail( new \WP_Error( 'footprints_no_api_key', __( 'No API key is stored for this backend\'s URL and app ID, so nothing was synced. Enter the key on the Connection tab and save.', 'footprints' ) ), $started, 409 );
		}
		$outlook = $this->outlook();
		if ( $outlook['first_sync'] && $outlook['local_history']['count'] > 0 && ! $confirmed ) {
			$error = new \WP_Error(
				'footprints_sync_needs_confirmation',
				sprintf(
					/* translators: %d: number of events with history. */
					_n( 'This is the first sync from this backend, and %d event here has recorded history. Confirm the sync on the Connection tab: events the backend lacks are deleted if never triggered, and kept but disabled (marked "removed on the backend") if they have history.', 'This is the first sync from this backend, and %d events here have recorded history. Confirm the sync on the Connection tab: events the backend lacks are deleted if never triggered, and kept but disabled (marked "removed on the backend") if they have history.', $outlook['local_history']['count'], 'footprints' ),
					$outlook['local_history']['count']
				)
			);
			return $this->fail( $error, $started, 409 );
		}
		$client = new RemoteClient( $settings['url'], $settings['app_id'], $key );
		/**
		 * Seconds a whole sync may take, all pages included.
		 *
		 * @param int $seconds Seconds.
		 */
		$seconds  = (float) apply_filters( 'footprints_sync_deadline', self::DEADLINE );
		$deadline = microtime( true ) + $seconds;

		$pulled = $this->pull( $client, $this->status->etag( $source ), $deadline );
		if ( is_wp_error( $pulled ) && 'footprints_remote_deadline' === $pulled->get_error_code() && microtime( true ) >= $deadline ) {
			$pulled = new \WP_Error(
				'footprints_sync_deadline',
				/* translators: %s: seconds. */
				sprintf( __( 'The sync took longer than %s seconds, so it was stopped and the last good copy is kept. Is the backend overloaded? Try again later.', 'footprints' ), number_format_i18n( $seconds ) )
			);
		}
		if ( is_wp_error( $pulled ) ) {
			return $this->fail( $pulled, $started );
		}
		if ( null === $pulled['items'] ) {
			$this->status->succeeded( 'unchanged', SyncStatus::no_codes(), $started, $source );
			return $this->status->get();
		}
		$checked = self::check( $pulled['items'] );
		if ( $checked['problems_total'] ) {
			$error = new \WP_Error(
				'footprints_remote_invalid_definitions',
				sprintf(
					/* translators: %d: number of definitions with problems. */
					_n( '%d definition from the backend breaks the definition schema, so nothing was synced and the last good copy is kept. Fix it on the backend, then sync again.', '%d definitions from the backend break the definition schema, so nothing was synced and the last good copy is kept. Fix them on the backend, then sync again.', $checked['problems_total'], 'footprints' ),
					$checked['problems_total']
				)
			);
			return $this->fail( $error, $started, 502, $checked['problems'], $checked['problems_total'] );
		}
		try {
			$diff = $this->definitions->replace_custom( $checked['definitions'] );
		} catch ( \RuntimeException $exception ) {
			/* translators: %s: database error. */
			$error = new \WP_Error( 'footprints_sync_write_failed', sprintf( __( 'Storing the synced definitions failed, so the last good copy is kept: %s', 'footprints' ), $exception->getMessage() ) );
			return $this->fail( $error, $started );
		}
		$this->status->set_etag( $source, $pulled['etag'] );
		$this->status->succeeded( 'synced', $diff, $started, $source );
		return $this->status->get();
	}

	/**
	 * Identifies the connected backend (URL and app ID).
	 */
	private function source(): string {
		$settings = $this->settings->get();
		return md5( $settings['url'] . '|' . $settings['app_id'] );
	}

	/**
	 * Every page of the remote list; items null when the ETag still matches.
	 *
	 * @param RemoteClient $client   The remote.
	 * @param string|null  $etag     ETag of the last good copy.
	 * @param float        $deadline microtime() by which the sync must end.
	 * @return array{items: list<mixed>|null, etag: string}|\WP_Error
	 */
	private function pull( RemoteClient $client, ?string $etag, float $deadline ): array|\WP_Error {
		$first = $client->page( 1, $etag, RemoteClient::PER_PAGE, $deadline );
		if ( is_wp_error( $first ) ) {
			return $first;
		}
		if ( $first['not_modified'] ) {
			return array(
				'items' => null,
				'etag'  => $first['etag'],
			);
		}
		if ( ( $first['total'] ?? 0 ) > self::MAX_DEFINITIONS ) {
			return self::too_many( (int) $first['total'] );
		}
		if ( $first['pages'] > (int) ceil( self::MAX_DEFINITIONS / RemoteClient::PER_PAGE ) ) {
			return self::too_many( $first['pages'] * RemoteClient::PER_PAGE );
		}
		$items = $first['items'];
		for ( $page = 2; $page <= $first['pages']; $page++ ) {
			$next = $client->page( $page, null, RemoteClient::PER_PAGE, $deadline );
			if ( is_wp_error( $next ) ) {
				return $next;
			}
			if ( $next['etag'] !== $first['etag'] ) {
				return new \WP_Error( 'footprints_remote_changed', __( 'The definitions changed on the backend while syncing, so nothing was synced. Sync again.', 'footprints' ) );
			}
			$items = array_merge( $items, $next['items'] );
			if ( count( $items ) > self::MAX_DEFINITIONS ) {
				return self::too_many( count( $items ) );
			}
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
	 * A backend with more definitions than a sync takes.
	 *
	 * @param int $count How many it has (at least).
	 */
	private static function too_many( int $count ): \WP_Error {
		return new \WP_Error(
			'footprints_remote_too_many',
			/* translators: 1: definitions on the backend, 2: the limit. */
			sprintf( __( 'The backend has %1$s definitions; a sync takes at most %2$s, so nothing was synced and the last good copy is kept. Remove unused definitions on the backend.', 'footprints' ), number_format_i18n( $count ), number_format_i18n( self::MAX_DEFINITIONS ) )
		);
	}

	/**
	 * The custom definitions to store, and what is wrong with the others.
	 * The remote's system events are the same catalogue as ours: skipped.
	 *
	 * @param array<int, mixed> $items What the remote sent.
	 * @return array{definitions: list<array<string, mixed>>, problems: list<array{code: string|null, message: string}>, problems_total: int}
	 */
	private static function check( array $items ): array {
		$definitions = array();
		$problems    = array();
		$total       = 0;
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
				// Every problem is counted; only the first ones are kept to show.
				if ( ++$total > self::MAX_PROBLEMS ) {
					continue;
				}
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
			'definitions'    => $definitions,
			'problems'       => $problems,
			'problems_total' => $total,
		);
	}

	/**
	 * Records a failure and returns it for the REST answer (502: the
	 * backend failed; 409: this site's settings or an admin must act).
	 *
	 * @param \WP_Error                                       $error          Why.
	 * @param int                                             $started        When the sync started (ms).
	 * @param int                                             $status         HTTP status of the answer.
	 * @param list<array{code: string|null, message: string}> $problems       Per-definition problems (the first ones).
	 * @param int                                             $problems_total How many there were.
	 */
	private function fail( \WP_Error $error, int $started, int $status = 502, array $problems = array(), int $problems_total = 0 ): \WP_Error {
		$this->status->failed( $error, $problems, $problems_total, $started );
		$error->add_data(
			array(
				'status' => $status,
				'sync'   => $this->status->get(),
			)
		);
		return $error;
	}
}

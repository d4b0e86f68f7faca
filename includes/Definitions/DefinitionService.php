<?php
/**
 * DefinitionService.
 *
 * @package Footprints
 */

namespace Footprints\Definitions;

use Footprints\Backend\RemoteBackendSettings;
use Footprints\Database\QueryFailed;

/**
 * The rules of changing definitions, wherever the change comes from (the
 * REST routes, WP-CLI, abilities): while a remote backend owns them the
 * local copy is read-only; system events are read-only and their codes
 * reserved; a code is unique and never changes; a definition with history
 * can only be disabled, not deleted.
 *
 * Every method answers with the definition it read or wrote, or throws
 * DefinitionRefused (a rule said no) or QueryFailed (the database did).
 */
final class DefinitionService {

	/**
	 * Constructor.
	 *
	 * @param DefinitionRepository  $definitions One definition at a time.
	 * @param DefinitionQuery       $query       Pages of definitions.
	 * @param RemoteBackendSettings $connection  Which backend owns the definitions.
	 * @param PendingEvents|null    $pending     Events accepted but not stored yet, which a delete must wait for.
	 */
	public function __construct( private DefinitionRepository $definitions, private DefinitionQuery $query, private RemoteBackendSettings $connection, private ?PendingEvents $pending = null ) {}

	/**
	 * A page of definitions and the count of all matches.
	 *
	 * @param array{search?: string, enabled?: bool|null, system?: bool|null, per_page?: int, page?: int} $query Filters and paging.
	 * @return array{items: list<array<string, mixed>>, total: int}
	 */
	public function page( array $query ): array {
		return $this->query->page( $query );
	}

	/**
	 * The revision of the definitions: it changes whenever one is written.
	 */
	public function revision(): int {
		return $this->definitions->revision();
	}

	/**
	 * One definition.
	 *
	 * @param string $code Event code.
	 * @return array<string, mixed>
	 * @throws DefinitionRefused NotFound.
	 */
	public function get( string $code ): array {
		return $this->definitions->find( $code ) ?? throw self::not_found( $code );
	}

	/**
	 * Creates a definition.
	 *
	 * @param array<string, mixed> $fields Writable fields (DefinitionSchema::WRITABLE).
	 * @return array<string, mixed> The stored definition.
	 * @throws DefinitionRefused RemoteOwned, Invalid, CodeReserved or CodeTaken (and QueryFailed when the database refused the insert).
	 */
	public function create( array $fields ): array {
		$this->refuse_remote();
		$definition = self::tidy( $fields );
		$problem    = DefinitionSchema::problem( $definition );
		if ( $problem ) {
			throw $problem;
		}
		/**
		 * The schema checked the code and the name above.
		 *
		 * @var array{code: string, name: string, color?: string, description?: string, enabled?: bool, attributes?: array<string, string>} $definition
		 */
		$code = $definition['code'];
		if ( SystemEvents::is_reserved( $code ) ) {
			throw DefinitionRefused::field(
				'code',
				/* translators: %s: event code. */
				sprintf( __( '"%s" is the code of a system event, so it is reserved. Choose another code.', 'footprints' ), $code ),
				DefinitionProblem::CodeReserved
			);
		}
		if ( WriteResult::AlreadyThere === $this->definitions->add_if_missing( $definition ) ) {
			throw DefinitionRefused::field(
				'code',
				/* translators: %s: event code. */
				sprintf( __( 'An event with the code "%s" already exists; codes are unique. Choose another code, or edit that event.', 'footprints' ), $code ),
				DefinitionProblem::CodeTaken
			);
		}
		return $this->get( $code );
	}

	/**
	 * Changes the fields given; the code stays.
	 *
	 * @param string               $code    Event code.
	 * @param array<string, mixed> $changes Writable fields to change.
	 * @return array<string, mixed> The stored definition.
	 * @throws DefinitionRefused NotFound, RemoteOwned, SystemEvent, CodeImmutable or Invalid.
	 * @throws QueryFailed When the database refused the update.
	 */
	public function update( string $code, array $changes ): array {
		$current = $this->get( $code );
		$this->refuse_remote();
		$changes = self::tidy( $changes );
		// A system event can be switched on or off (page_viewed starts off); nothing else of it changes.
		// The route's own code comes along; a different one is refused below as a rename.
		if ( array_diff( array_keys( $changes ), array( 'enabled', 'code' ) ) ) {
			self::refuse_system( $current );
		}
		if ( ( $changes['code'] ?? $code ) !== $code ) {
			throw DefinitionRefused::field(
				'code',
				__( 'The code of an event cannot change once it is created: blocks, shortcodes and stored events use it. Create a new event instead.', 'footprints' ),
				DefinitionProblem::CodeImmutable
			);
		}
		$problem = DefinitionSchema::problem( array_merge( array_intersect_key( $current, array_flip( DefinitionSchema::WRITABLE ) ), $changes ) );
		if ( $problem ) {
			throw $problem;
		}
		unset( $changes['code'] );
		if ( WriteResult::NotFound === $this->definitions->update( $code, $changes ) ) {
			throw self::not_found( $code );
		}
		return $this->get( $code );
	}

	/**
	 * Starts or stops tracking a definition; its history stays.
	 *
	 * @param string $code    Event code.
	 * @param bool   $enabled Whether to track it.
	 * @return array<string, mixed> The stored definition.
	 * @throws DefinitionRefused NotFound, RemoteOwned or SystemEvent.
	 * @throws QueryFailed When the database refused the update.
	 */
	public function set_enabled( string $code, bool $enabled ): array {
		return $this->update( $code, array( 'enabled' => $enabled ) );
	}

	/**
	 * Deletes a definition that was never triggered; one with history can
	 * only be disabled.
	 *
	 * @param string $code Event code.
	 * @return array<string, mixed> The definition as it was before.
	 * @throws DefinitionRefused NotFound, RemoteOwned, SystemEvent or HasHistory (and QueryFailed when the database refused the delete).
	 */
	public function delete( string $code ): array {
		$current = $this->get( $code );
		$this->refuse_remote();
		self::refuse_system( $current );
		// Decided with ingest held still and every accepted event of the code
		// stored (buffer, stream): a batch racing the delete never loses.
		$delete = fn(): WriteResult => $this->definitions->delete_untriggered( $code );
		if ( WriteResult::Kept === ( $this->pending ? $this->pending->hold( $delete ) : $delete() ) ) {
			$count = max( 1, (int) $current['trigger_count'] );
			throw new DefinitionRefused(
				DefinitionProblem::HasHistory,
				sprintf(
					/* translators: 1: event code, 2: number of times it was received. */
					_n( '"%1$s" was triggered %2$d time, so deleting it would break the history that refers to it. Disable it instead: it stops being tracked and its history stays.', '"%1$s" was triggered %2$d times, so deleting it would break the history that refers to it. Disable it instead: it stops being tracked and its history stays.', $count, 'footprints' ),
					$code,
					$count
				)
			);
		}
		return $current;
	}

	/**
	 * The writable fields among these, the name trimmed.
	 *
	 * @param array<string, mixed> $fields Fields sent.
	 * @return array<string, mixed>
	 */
	private static function tidy( array $fields ): array {
		$fields = array_intersect_key( $fields, array_flip( DefinitionSchema::WRITABLE ) );
		if ( isset( $fields['name'] ) && is_string( $fields['name'] ) ) {
			$fields['name'] = trim( $fields['name'] );
		}
		return $fields;
	}

	/**
	 * While a remote backend owns the definitions, the local copy is read-only.
	 *
	 * @throws DefinitionRefused RemoteOwned.
	 */
	private function refuse_remote(): void {
		if ( $this->connection->is_remote() ) {
			throw new DefinitionRefused(
				DefinitionProblem::RemoteOwned,
				/* translators: %s: remote backend URL. */
				sprintf( __( 'Definitions come from the remote backend at %s: change them there, then Sync. To manage them on this site, switch the connection to "This site".', 'footprints' ), $this->connection->url() )
			);
		}
	}

	/**
	 * System events cannot be changed (only switched on or off) or deleted.
	 *
	 * @param array<string, mixed> $definition Stored definition.
	 * @throws DefinitionRefused SystemEvent.
	 */
	private static function refuse_system( array $definition ): void {
		if ( $definition['system'] ) {
			throw new DefinitionRefused(
				DefinitionProblem::SystemEvent,
				/* translators: %s: event code. */
				sprintf( __( '"%s" is a built-in system event: it is read-only (it can only be enabled or disabled) and cannot be deleted.', 'footprints' ), $definition['code'] )
			);
		}
	}

	/**
	 * No definition has the code.
	 *
	 * @param string $code Event code.
	 */
	private static function not_found( string $code ): DefinitionRefused {
		return new DefinitionRefused(
			DefinitionProblem::NotFound,
			/* translators: %s: event code. */
			sprintf( __( 'No event is defined with the code "%s".', 'footprints' ), $code )
		);
	}
}

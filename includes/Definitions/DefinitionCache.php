<?php
/**
 * DefinitionCache.
 *
 * @package Footprints
 */

namespace Footprints\Definitions;

/**
 * Cached copies of definitions and the revision of the whole set.
 *
 * Pages repeat codes and the collector looks them up per batch, so each
 * definition (or its absence) sits in the object cache until it is
 * written. The revision moves on with every write of a definition (not
 * with triggers), so a list's ETag changes exactly when what a sync
 * copies changes.
 */
final class DefinitionCache {

	public const GROUP           = 'footprints_definitions';
	public const REVISION_OPTION = 'footprints_definitions_revision';

	// Stored for a code with no definition: wp_cache_get() answers false for a miss.
	private const MISSING = 'missing';

	/**
	 * The cached definitions among these codes: code => definition, or
	 * null for a code known to have none. Codes not cached are absent.
	 *
	 * @param string[] $codes Event codes.
	 * @return array<string, array<string, mixed>|null>
	 */
	public function get_many( array $codes ): array {
		$found = array();
		foreach ( $codes ? wp_cache_get_multiple( $codes, self::GROUP ) : array() as $code => $value ) {
			if ( is_array( $value ) ) {
				$found[ (string) $code ] = $value;
			} elseif ( self::MISSING === $value ) {
				$found[ (string) $code ] = null;
			}
		}
		return $found;
	}

	/**
	 * Caches a definition, or null for "no definition has this code".
	 *
	 * @param string                    $code       Event code.
	 * @param array<string, mixed>|null $definition The definition.
	 */
	public function set( string $code, ?array $definition ): void {
		wp_cache_set( $code, $definition ?? self::MISSING, self::GROUP );
	}

	/**
	 * Forgets cached copies of these codes (a trigger count changed).
	 *
	 * @param string[] $codes Event codes.
	 */
	public function forget( array $codes ): void {
		foreach ( $codes as $code ) {
			wp_cache_delete( $code, self::GROUP );
		}
	}

	/**
	 * Forgets cached copies of these written codes and moves the revision on.
	 *
	 * @param string[] $codes Written codes.
	 */
	public function written( array $codes ): void {
		$this->forget( $codes );
		update_option( self::REVISION_OPTION, $this->revision() + 1, true );
	}

	/**
	 * The revision of the definitions: it changes whenever one is written.
	 */
	public function revision(): int {
		$revision = get_option( self::REVISION_OPTION, 0 );
		return is_numeric( $revision ) ? (int) $revision : 0;
	}
}

<?php
/**
 * Iso.
 *
 * @package Footprints
 */

namespace Footprints\Automations;

/**
 * Stored UTC times (DATETIME, DATETIME(3)) as the REST answers write them:
 * ISO 8601 with a Z, e.g. 2026-11-24T01:02:03Z or 2026-11-24T01:02:03.456Z.
 */
final class Iso {

	/**
	 * A stored time as ISO 8601, or null.
	 *
	 * @param string|null $datetime Stored time, e.g. 2026-11-24 01:02:03.456.
	 */
	public static function from_db( ?string $datetime ): ?string {
		return null === $datetime ? null : str_replace( ' ', 'T', $datetime ) . 'Z';
	}

}

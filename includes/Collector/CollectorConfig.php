<?php
/**
 * CollectorConfig.
 *
 * @package Footprints
 */

namespace Footprints\Collector;

/**
 * What a collector needs to judge a batch without asking the database:
 * the definitions (enabled or not, with their attribute schemas), the
 * accepted app IDs, the server-only codes, the patterns of the event
 * schema and the limits. WordPress compiles it (ConfigCompiler) into a PHP
 * file the fast collector includes; the REST route and footprints_track()
 * build the same array in memory. Plain PHP: no WordPress needed.
 */
final class CollectorConfig {

	/**
	 * Constructor.
	 *
	 * @param array<string, mixed> $data See ConfigCompiler::compile() for the keys.
	 */
	public function __construct( private array $data ) {}

	/**
	 * The rules that come from the plugin's data files, not from the site:
	 * patterns and lengths of data/schema/event.json (anchored with /D so
	 * a trailing newline is refused), the limits of data/collector-limits.json
	 * and the server-only codes of data/schema/system-events.json.
	 *
	 * @param string $plugin_dir The plugin's folder.
	 * @return array<string, mixed>
	 */
	public static function rules( string $plugin_dir ): array {
		$schema     = self::read_json( $plugin_dir . '/data/schema/event.json' );
		$properties = $schema['properties'];
		$patterns   = array();
		foreach ( array( 'id', 'event', 'device_id' ) as $field ) {
			$patterns[ $field ] = '/' . $properties[ $field ]['pattern'] . '/D';
		}
		$patterns['attribute'] = '/' . (string) array_key_first( $properties['attributes']['patternProperties'] ) . '/D';
		$server_only           = array();
		foreach ( self::read_json( $plugin_dir . '/data/schema/system-events.json' )['events'] as $event ) {
			if ( ! empty( $event['server_only'] ) ) {
				$server_only[ $event['code'] ] = true;
			}
		}
		return array(
			'fields'      => array_keys( $properties ),
			'required'    => $schema['required'],
			'patterns'    => $patterns,
			'max_length'  => array(
				'page'     => $properties['page']['maxLength'],
				'referrer' => $properties['referrer']['maxLength'],
				'app_id'   => $properties['app_id']['maxLength'],
			),
			'limits'      => self::read_json( $plugin_dir . '/data/collector-limits.json' ),
			'server_only' => $server_only,
		);
	}

	/**
	 * The whole array, as compiled.
	 *
	 * @return array<string, mixed>
	 */
	public function to_array(): array {
		return $this->data;
	}

	/**
	 * One limit of data/collector-limits.json, e.g. body_bytes.
	 *
	 * @param string $name Limit name.
	 */
	public function limit( string $name ): int {
		return (int) $this->data['limits'][ $name ];
	}

	/**
	 * An anchored pattern: id, event, device_id or attribute.
	 *
	 * @param string $field Field name.
	 */
	public function pattern( string $field ): string {
		return $this->data['patterns'][ $field ];
	}

	/**
	 * Longest accepted text of a field: page, referrer or app_id.
	 *
	 * @param string $field Field name.
	 */
	public function max_length( string $field ): int {
		return (int) $this->data['max_length'][ $field ];
	}

	/**
	 * Fields an event may have.
	 *
	 * @return list<string>
	 */
	public function fields(): array {
		return $this->data['fields'];
	}

	/**
	 * Fields an event must have.
	 *
	 * @return list<string>
	 */
	public function required(): array {
		return $this->data['required'];
	}

	/**
	 * Whether the server alone may record this code.
	 *
	 * @param string $code Event code.
	 */
	public function is_server_only( string $code ): bool {
		return isset( $this->data['server_only'][ $code ] );
	}

	/**
	 * A definition's state: enabled, and its attribute schema; null when
	 * no definition has that code.
	 *
	 * @param string $code Event code.
	 * @return array{enabled: bool, attributes: array<string, string>}|null
	 */
	public function definition( string $code ): ?array {
		return $this->data['definitions'][ $code ] ?? null;
	}

	/**
	 * This site's own app ID: events sent without one carry it.
	 */
	public function site_app_id(): string {
		return $this->data['site_app_id'];
	}

	/**
	 * Whether events of this app ID are accepted here.
	 *
	 * @param string $app_id App ID.
	 */
	public function accepts_app_id( string $app_id ): bool {
		return isset( $this->data['accepted_app_ids'][ $app_id ] );
	}

	/**
	 * The request header that carries the client address when the site
	 * sits behind a proxy the owner named; '' uses the socket address.
	 */
	public function trusted_proxy_header(): string {
		return (string) ( $this->data['trusted_proxy_header'] ?? '' );
	}

	/**
	 * The Redis transport's settings, or null: events go to the file buffer.
	 *
	 * @return array{host: string, port: int, password: string, database: int, stream: string, maxlen: int, claim_idle_ms: int}|null
	 */
	public function redis(): ?array {
		return $this->data['redis'] ?? null;
	}

	/**
	 * The secret that signs the sign-in cookie; '' when none was made yet
	 * (then no batch names a WordPress user).
	 */
	public function signin_secret(): string {
		return (string) ( $this->data['signin_secret'] ?? '' );
	}

	/**
	 * Reads a JSON file of the plugin.
	 *
	 * @param string $file Path.
	 * @return array<string, mixed>
	 */
	private static function read_json( string $file ): array {
		return (array) json_decode( (string) file_get_contents( $file ), true ); // phpcs:ignore WordPress.WP.AlternativeFunctions.file_get_contents_file_get_contents -- a file of the plugin, read without WordPress.
	}
}

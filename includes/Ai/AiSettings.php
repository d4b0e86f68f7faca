<?php
/**
 * AiSettings.
 *
 * @package Footprints
 */

namespace Footprints\Ai;

/**
 * The site owner's instructions for AI drafts: the tone, the product, the
 * sender's name, what to offer and free instructions, each plain text of
 * bounded length (data/ai.json). They go into every draft's prompt.
 *
 * @phpstan-type Instructions array{tone: string, product: string, sender: string, offer: string, instructions: string}
 */
final class AiSettings {

	public const OPTION = 'footprints_ai_settings';
	public const FILE   = '/data/ai.json';

	/**
	 * The file's contents, read once.
	 *
	 * @var array<string, mixed>|null
	 */
	private static ?array $file = null;

	/**
	 * The settings' JSON schema (REST arguments and answer).
	 *
	 * @return array<string, array<string, mixed>>
	 */
	public static function properties(): array {
		$descriptions = array(
			'tone'         => __( 'The tone of the emails, e.g. "warm and brief, no jargon".', 'footprints' ),
			'product'      => __( 'What the site sells or offers, in a sentence or two.', 'footprints' ),
			'sender'       => __( 'The name the emails are signed with.', 'footprints' ),
			'offer'        => __( 'What the emails may offer (a demo, a discount code…); nothing else is offered.', 'footprints' ),
			'instructions' => __( 'Anything else the writer should follow.', 'footprints' ),
		);
		$properties   = array();
		foreach ( $descriptions as $name => $description ) {
			$properties[ $name ] = array(
				'description' => $description,
				'type'        => 'string',
				'maxLength'   => self::max_length( $name ),
			);
		}
		return $properties;
	}

	/**
	 * The longest a setting may be.
	 *
	 * @param string $name Setting name.
	 */
	public static function max_length( string $name ): int {
		return (int) ( (array) ( (array) self::file()['settings'] )[ $name ] )['maxLength'];
	}

	/**
	 * The most tokens a draft may take.
	 */
	public static function max_tokens(): int {
		return (int) self::file()['maxTokens'];
	}

	/**
	 * The current instructions.
	 *
	 * @return Instructions
	 */
	public function get(): array {
		$stored = get_option( self::OPTION, array() );
		return self::clean( is_array( $stored ) ? $stored : array() );
	}

	/**
	 * Saves the given settings over the current ones; returns them all.
	 *
	 * @param array<string, mixed> $changes Settings to change (validated by the schema).
	 * @return Instructions
	 */
	public function save( array $changes ): array {
		$settings = self::clean( array_intersect_key( $changes, self::properties() ) + $this->get() );
		update_option( self::OPTION, $settings, false );
		return $settings;
	}

	/**
	 * Each setting as plain text within its length.
	 *
	 * @param array<string, mixed> $settings Stored or merged settings.
	 * @return Instructions
	 */
	private static function clean( array $settings ): array {
		$clean = array();
		foreach ( array_keys( self::properties() ) as $name ) {
			$value          = $settings[ $name ] ?? '';
			$text           = is_string( $value ) ? sanitize_textarea_field( $value ) : '';
			$clean[ $name ] = mb_substr( $text, 0, self::max_length( $name ) );
		}
		/**
		 * Every key of properties(), each a string.
		 *
		 * @var Instructions $clean
		 */
		return $clean;
	}

	/**
	 * The rules file.
	 *
	 * @return array<string, mixed>
	 */
	private static function file(): array {
		self::$file ??= (array) wp_json_file_decode( FOOTPRINTS_DIR . self::FILE, array( 'associative' => true ) );
		return self::$file;
	}
}

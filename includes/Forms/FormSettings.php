<?php
/**
 * FormSettings.
 *
 * @package Footprints
 */

namespace Footprints\Forms;

/**
 * The site owner's form tracking choices, one option: whether forms are
 * tracked at all, which input names hold a company, a phone or a job title
 * (the only field values ever kept besides the email), and which forms are
 * contact forms. The REST route (FormsController) and the Forms tab read and
 * write it through schema(); the client gets the mapping in its settings.
 */
final class FormSettings {

	public const OPTION = 'footprints_forms';

	/** The traits a form field can be mapped to: person traits of these names. */
	public const TRAITS = array( 'company', 'phone', 'job_title' );

	/**
	 * The option as last read, and the settings made of it.
	 *
	 * @var array{0: mixed, 1: array{enabled: bool, fields: array{company: list<string>, phone: list<string>, job_title: list<string>}, contact_forms: list<string>}}|null
	 */
	private ?array $read = null;

	/**
	 * The stored settings, defaults filled in.
	 *
	 * @return array{enabled: bool, fields: array{company: list<string>, phone: list<string>, job_title: list<string>}, contact_forms: list<string>}
	 */
	public function get(): array {
		$stored = get_option( self::OPTION, array() );
		// Read for every form submission of a batch: checked by the schema once per stored value.
		if ( null === $this->read || $this->read[0] !== $stored ) {
			$valid      = is_array( $stored ) ? self::sanitize( $stored ) : null;
			$this->read = array( $stored, $valid ?? self::defaults() );
		}
		return $this->read[1];
	}

	/**
	 * Saves settings the schema accepted.
	 *
	 * @param array<string, mixed> $settings Settings (missing keys keep the stored value).
	 * @return array{enabled: bool, fields: array{company: list<string>, phone: list<string>, job_title: list<string>}, contact_forms: list<string>}|\WP_Error The saved settings, or what was wrong.
	 */
	public function save( array $settings ): array|\WP_Error {
		$merged = array_merge( $this->get(), $settings );
		foreach ( array_diff_key( $merged, self::schema()['properties'] ) as $key => $value ) {
			/* translators: %s: a setting's name. */
			return new \WP_Error( 'rest_invalid_param', sprintf( __( '%s is not a form setting: send enabled, fields or contact_forms.', 'footprints' ), $key ), array( 'status' => 400 ) );
		}
		foreach ( self::schema()['properties'] as $key => $schema ) {
			$valid = rest_validate_value_from_schema( $merged[ $key ], $schema, $key );
			if ( is_wp_error( $valid ) ) {
				// The message names the value (fields[phone][0]); one about a key it does not know only names that key.
				$message = $valid->get_error_message();
				return new \WP_Error( 'rest_invalid_param', str_starts_with( $message, $key ) ? $message : "$key: $message", array( 'status' => 400 ) );
			}
		}
		$clean = self::sanitize( $merged );
		if ( null === $clean ) {
			return new \WP_Error( 'rest_invalid_param', __( 'The form settings could not be read.', 'footprints' ), array( 'status' => 400 ) );
		}
		// Autoloaded: every front-end page with the client reads it.
		update_option( self::OPTION, $clean, true );
		return $clean;
	}

	/**
	 * Whether forms are tracked (the client on every page, the form plugins' hooks).
	 */
	public function enabled(): bool {
		return $this->get()['enabled'];
	}

	/**
	 * The input names mapped to each trait, only traits with at least one.
	 *
	 * @return array<string, list<string>>
	 */
	public function mapped_fields(): array {
		return array_filter( $this->get()['fields'] );
	}

	/**
	 * Whether the owner marked this form id as a contact form.
	 *
	 * @param string $form Form id (e.g. contact, cf7:12).
	 */
	public function is_contact_form( string $form ): bool {
		return '' !== $form && in_array( $form, $this->get()['contact_forms'], true );
	}

	/**
	 * The settings' JSON schema: the REST route's arguments and what save() checks.
	 *
	 * @return array<string, mixed>
	 */
	public static function schema(): array {
		$names = array(
			'type'        => 'array',
			'maxItems'    => 10,
			'uniqueItems' => true,
			'items'       => array(
				'type'      => 'string',
				// An input's name as the form has it (your-company, input_3, fields[company]), or a form plugin field's label (Job title).
				'pattern'   => '^[^\\s"\'<>\\\\]([^"\'<>\\\\]*[^\\s"\'<>\\\\])?$',
				'minLength' => 1,
				'maxLength' => 100,
			),
		);
		return array(
			'type'                 => 'object',
			'properties'           => array(
				'enabled'       => array(
					'description' => __( 'Track form submissions: forms on every page, and the form plugins\' successful submissions.', 'footprints' ),
					'type'        => 'boolean',
				),
				'fields'        => array(
					'description'          => __( 'Input names whose values become the person\'s company, phone and job title. No other field value is ever kept, except the email.', 'footprints' ),
					'type'                 => 'object',
					'properties'           => array_fill_keys( self::TRAITS, $names ),
					'additionalProperties' => false,
				),
				'contact_forms' => array(
					'description' => __( 'Ids of the forms that are contact forms (contact_us): a form\'s id, name or action path, or cf7:12 style for a form plugin\'s.', 'footprints' ),
					'type'        => 'array',
					'maxItems'    => 100,
					'uniqueItems' => true,
					'items'       => array(
						'type'      => 'string',
						'pattern'   => '^[^\\s"\'<>\\\\]+$',
						'minLength' => 1,
						'maxLength' => 200,
					),
				),
			),
			'additionalProperties' => false,
		);
	}

	/**
	 * Settings a site starts with: off, nothing mapped.
	 *
	 * @return array{enabled: bool, fields: array{company: list<string>, phone: list<string>, job_title: list<string>}, contact_forms: list<string>}
	 */
	public static function defaults(): array {
		return array(
			'enabled'       => false,
			'fields'        => array(
				'company'   => array(),
				'phone'     => array(),
				'job_title' => array(),
			),
			'contact_forms' => array(),
		);
	}

	/**
	 * Stored or submitted settings in their one shape, or null when they
	 * do not fit the schema.
	 *
	 * @param array<mixed> $settings Settings.
	 * @return array{enabled: bool, fields: array{company: list<string>, phone: list<string>, job_title: list<string>}, contact_forms: list<string>}|null
	 */
	private static function sanitize( array $settings ): ?array {
		$settings = array_merge( self::defaults(), $settings );
		if ( true !== rest_validate_value_from_schema( $settings, self::schema() ) ) {
			return null;
		}
		$fields = array_merge( self::defaults()['fields'], (array) $settings['fields'] );
		return array(
			'enabled'       => (bool) $settings['enabled'],
			'fields'        => array(
				'company'   => array_values( array_map( 'strval', (array) $fields['company'] ) ),
				'phone'     => array_values( array_map( 'strval', (array) $fields['phone'] ) ),
				'job_title' => array_values( array_map( 'strval', (array) $fields['job_title'] ) ),
			),
			'contact_forms' => array_values( array_map( 'strval', (array) $settings['contact_forms'] ) ),
		);
	}
}

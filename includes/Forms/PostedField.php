<?php
/**
 * PostedField.
 *
 * @package Footprints
 */

namespace Footprints\Forms;

/**
 * One field of a form plugin's successful submission, as FormPluginHooks
 * reads it from that plugin's hook: the names the site owner may map it by
 * (the input's name, a label, a key), its type, and what was entered.
 */
final class PostedField {

	/**
	 * Constructor.
	 *
	 * @param string[] $names Names it is known by, e.g. your-company, or input_3 and Company.
	 * @param string   $type  The plugin's field type (email, text...).
	 * @param mixed    $value What was entered.
	 */
	public function __construct( public readonly array $names, public readonly string $type, public readonly mixed $value ) {}

	/**
	 * The value as text, trimmed ('' for nothing, lists joined by commas).
	 */
	public function text(): string {
		$value = is_array( $this->value ) ? implode( ', ', array_filter( array_map( static fn( $item ) => is_scalar( $item ) ? (string) $item : '', $this->value ) ) ) : $this->value;
		return is_scalar( $value ) ? trim( (string) $value ) : '';
	}

	/**
	 * Whether it holds an email: its type says so, or it is named email or e-mail (as the client reads a form).
	 */
	public function is_email(): bool {
		return 'email' === $this->type || (bool) array_intersect( array_map( 'strtolower', $this->names ), array( 'email', 'e-mail' ) );
	}

	/**
	 * The attributes of a form_submission from these fields: the first
	 * email field's value when not empty, and the mapped fields by trait.
	 * No other value is read.
	 *
	 * @param string                      $form    The form's id, e.g. cf7:12.
	 * @param PostedField[]               $fields  The submission's fields.
	 * @param array<string, list<string>> $mapping Input names by trait (FormSettings::mapped_fields()).
	 * @return array<string, mixed>
	 */
	public static function attributes( string $form, array $fields, array $mapping ): array {
		$attributes = array( 'form' => $form );
		foreach ( $fields as $field ) {
			if ( $field->is_email() ) {
				if ( '' !== $field->text() ) {
					$attributes['email'] = $field->text();
				}
				break;
			}
		}
		$mapped = array();
		foreach ( $mapping as $trait => $names ) {
			foreach ( $fields as $field ) {
				if ( array_intersect( $field->names, $names ) && '' !== $field->text() ) {
					$mapped[ $trait ] = $field->text();
					break;
				}
			}
		}
		if ( $mapped ) {
			$attributes['fields'] = $mapped;
		}
		return $attributes;
	}
}

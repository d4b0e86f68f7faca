<?php
/**
 * Administrators may read insights (footprints_view_insights): the
 * capability is stored on the role, so a role editor can grant it to any
 * other role, or take it back. Frozen: the capability's name is written
 * here, not read from the plugin's classes.
 *
 * @package Footprints
 */

return static function (): void {
	$administrator = get_role( 'administrator' );
	if ( $administrator ) {
		$administrator->add_cap( 'footprints_view_insights' );
	}
};

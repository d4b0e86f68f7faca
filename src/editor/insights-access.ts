/**
 * Whether the signed-in user may read insights (footprints_view_insights),
 * as the server printed it before the editor bundle
 * (includes/Assets/EditorScript.php): the editor asks for counts only then.
 */

type EditorGlobals = { footprintsEditor?: { canViewInsights?: boolean } };

export function canViewInsights(): boolean {
	return (
		( window as unknown as EditorGlobals ).footprintsEditor
			?.canViewInsights === true
	);
}

using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Changes;

/// <summary>
/// One edit of a stack's config tree: put <see cref="Value"/> at <see cref="Path"/>, a path in the form
/// <c>pulumi config set --path</c> takes. An index one past the end of a list appends to it; keys and
/// lists that do not exist yet are created.
/// </summary>
/// <param name="Path">Where the value goes, e.g. <c>egress.services[0].namespaces[1]</c>.</param>
/// <param name="Value">The new node; it replaces whatever was at the path.</param>
/// <param name="Description">What the edit does, for people: "add orders to stripe-api's namespaces".</param>
public sealed record ConfigEdit(string Path, ConfigNode Value, string Description)
{
    /// <summary>
    /// The fragment file (project-relative) the edit goes to, with <see cref="Path"/> inside that file;
    /// null for the stack file. Pulumi's config commands cannot reach a fragment.
    /// </summary>
    public string? File { get; init; }
}

using EgressInfra.Core.Changes;

namespace EgressInfra.Core.Explain;

/// <summary>The smallest edit of the stack file that would allow a denied destination.</summary>
/// <param name="Summary">One line: "add orders to the namespaces of stripe-api".</param>
/// <param name="Edits">The edits, applied in order.</param>
/// <param name="Notes">What else the change does (other namespaces it opens, risks it carries).</param>
public sealed record SuggestedChange(string Summary, IReadOnlyList<ConfigEdit> Edits, IReadOnlyList<string> Notes)
{
    /// <summary>Values in <see cref="Edits"/> the user must replace before applying (owner, reason).</summary>
    public IReadOnlyList<ChangePlaceholder> Placeholders { get; init; } = [];
}

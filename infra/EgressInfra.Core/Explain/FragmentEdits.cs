using EgressInfra.Core.Changes;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Explain;

/// <summary>
/// Points a suggested edit of a service or preset that a fragment defines at that fragment: the
/// change is computed on the merged tree (<c>egress.services[7].namespaces[1]</c>), but the person
/// edits <c>egress.d/payments.yaml</c> at <c>services[0].namespaces[1]</c>, and no
/// <c>pulumi config set</c> reaches a fragment.
/// </summary>
internal static class FragmentEdits
{
    public static SuggestedChange Locate(SuggestedChange change, StackDocument document)
    {
        var edits = change.Edits.Select(edit => Locate(edit, document)).ToList();
        return change with { Edits = edits };
    }

    private static ConfigEdit Locate(ConfigEdit edit, StackDocument document)
    {
        var close = edit.Path.IndexOf(']', StringComparison.Ordinal);
        if (close < 0 || !document.PathRewrites.TryGetValue(edit.Path[..(close + 1)], out var inFragment))
        {
            return edit;
        }

        // The merged item's name says which fragment defined it: names are unique across fragments.
        var name = ConfigPath.Locate(document.ProjectConfig, edit.Path[..(close + 1)]) is { } item ? Fragments.FragmentResolver.ItemName(item) : null;
        var fragment = document.Fragments.FirstOrDefault(f => name is not null && (f.Services.Contains(name) || f.Presets.Contains(name)));
        return fragment is null ? edit : edit with { Path = inFragment + edit.Path[(close + 1)..], File = fragment.Path };
    }
}

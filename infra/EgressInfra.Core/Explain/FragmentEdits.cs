using EgressInfra.Core.Changes;
using EgressInfra.Core.Fragments;
using EgressInfra.Core.Sources;

namespace EgressInfra.Core.Explain;

/// <summary>
/// Points a suggested edit of a service or preset that a fragment defines at that fragment: the
/// change is computed on the merged tree (<c>egress.services[7].namespaces[1]</c>), but the person
/// edits <c>egress.d/payments.yaml</c> at <c>services[0].namespaces[1]</c>, and no
/// <c>pulumi config set</c> reaches a fragment. The texts around the edits (a preset's edit says
/// which item it changes) and the acceptance's findings name the item where it is written, too.
/// </summary>
internal static class FragmentEdits
{
    public static Explanation Locate(Explanation explanation, StackDocument document)
    {
        if (explanation.Change is not { } change)
        {
            return explanation;
        }

        var moved = new Dictionary<string, string>(StringComparer.Ordinal);
        var edits = change.Edits.Select(edit => Locate(edit, document, moved)).ToList();
        var located = change with
        {
            Summary = Rename(change.Summary, moved),
            Edits = [.. edits.Select(e => e with { Description = Rename(e.Description, moved) })],
            Notes = [.. change.Notes.Select(n => Rename(n, moved))],
        };
        var acceptance = explanation.Acceptance is { } a
            ? a with
            {
                Errors = [.. a.Errors.Select(d => FragmentResolver.Rewrite(d, document.PathRewrites))],
                NewWarnings = [.. a.NewWarnings.Select(d => FragmentResolver.Rewrite(d, document.PathRewrites))],
            }
            : null;
        return explanation with { Change = located, Acceptance = acceptance };
    }

    private static ConfigEdit Locate(ConfigEdit edit, StackDocument document, Dictionary<string, string> moved)
    {
        var close = edit.Path.IndexOf(']', StringComparison.Ordinal);
        if (close < 0 || !document.PathRewrites.TryGetValue(edit.Path[..(close + 1)], out var inFragment))
        {
            return edit;
        }

        // The merged item's name says which fragment defined it: names are unique across fragments.
        var item = edit.Path[..(close + 1)];
        var name = ConfigPath.Locate(document.ProjectConfig, item) is { } node ? FragmentResolver.ItemName(node) : null;
        var fragment = document.Fragments.FirstOrDefault(f => name is not null && (f.Services.Contains(name) || f.Presets.Contains(name)));
        if (fragment is null)
        {
            return edit;
        }

        moved[item] = $"{fragment.Path}, {inFragment}";
        return edit with { Path = inFragment + edit.Path[(close + 1)..], File = fragment.Path };
    }

    // A merged item path ends in ']', so egress.presets[1] never matches inside egress.presets[12].
    private static string Rename(string text, Dictionary<string, string> moved) =>
        moved.Aggregate(text, (t, m) => t.Replace(m.Key, m.Value, StringComparison.Ordinal));
}

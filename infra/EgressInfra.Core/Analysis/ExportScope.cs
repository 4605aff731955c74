namespace EgressInfra.Core.Analysis;

/// <summary>
/// Where an entry is visible, from its <c>exportTo</c>: everywhere (omitted, empty or <c>*</c>), in
/// the listed namespaces (<c>.</c> is its own), or nowhere (<c>~</c> alone).
/// </summary>
/// <remarks>
/// istioctl analyze treats <c>~</c> as a scope of its own name; here an entry exported to no one
/// collides with nothing, because no proxy ever sees it.
/// </remarks>
internal sealed class ExportScope
{
    private static readonly ExportScope PublicScope = new(true, []);

    private ExportScope(bool isPublic, IReadOnlyList<string> namespaces)
    {
        IsPublic = isPublic;
        Namespaces = namespaces;
    }

    public bool IsPublic { get; }

    /// <summary>The namespaces that see the entry when it is not public; empty when it is hidden.</summary>
    public IReadOnlyList<string> Namespaces { get; }

    public bool IsHidden => !IsPublic && Namespaces.Count == 0;

    public static ExportScope Of(IReadOnlyList<string> exportTo, string ownNamespace)
    {
        if (exportTo.Count == 0)
        {
            return PublicScope;
        }

        if (exportTo.Count == 1 && exportTo[0] is not ("*" or "~"))
        {
            return new ExportScope(false, [exportTo[0] == "." ? ownNamespace : exportTo[0]]);
        }

        var namespaces = new List<string>(exportTo.Count);
        foreach (var target in exportTo)
        {
            if (target == "*")
            {
                return PublicScope;
            }

            var ns = target == "." ? ownNamespace : target;
            if (ns != "~" && !namespaces.Contains(ns, StringComparer.Ordinal))
            {
                namespaces.Add(ns);
            }
        }

        return new ExportScope(false, namespaces);
    }
}

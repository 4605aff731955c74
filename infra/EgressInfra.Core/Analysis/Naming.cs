using System.Text;

namespace EgressInfra.Core.Analysis;

/// <summary>Joins entry names for messages: "A", "A and B", "A, B and C", "A, B, C and others".</summary>
internal static class Naming
{
    public static string Join(IEnumerable<string> names, bool more)
    {
        var list = names.ToList();
        var sb = new StringBuilder();
        for (var i = 0; i < list.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(i == list.Count - 1 && !more ? " and " : ", ");
            }

            sb.Append(list[i]);
        }

        if (more)
        {
            sb.Append(" and others");
        }

        return sb.ToString();
    }

    /// <summary>The ports of an entry as <c>80/HTTP, 443/TLS</c>.</summary>
    public static string Ports(IEnumerable<AnalyzedPort> ports) => string.Join(", ", ports.Select(p => p.Describe()));
}

using System.Text;
using System.Text.RegularExpressions;

namespace EgressInfra.Core.Fragments;

/// <summary>
/// One <c>egress.include</c> item: a path relative to the project directory, where <c>*</c> and
/// <c>?</c> match within one folder name and a <c>**</c> segment matches any number of folders.
/// Nothing outside the project can be named: no absolute path, no <c>..</c>, no backslash.
/// </summary>
public sealed class IncludePattern
{
    private readonly Regex _regex;

    private IncludePattern(string text, string baseDirectory, Regex regex)
    {
        Text = text;
        BaseDirectory = baseDirectory;
        _regex = regex;
    }

    public string Text { get; }

    /// <summary>The literal folder before the first wildcard: only files below it can match.</summary>
    public string BaseDirectory { get; }

    /// <summary>The pattern, or why it may not be used.</summary>
    public static IncludePattern? Parse(string text, out string? error)
    {
        error = null;
        if (text.Trim().Length == 0)
        {
            error = "the pattern is empty";
            return null;
        }

        if (text.StartsWith('/') || text.Contains('\\', StringComparison.Ordinal) || (text.Length > 1 && text[1] == ':') || text.StartsWith('~'))
        {
            error = $"'{text}' is not a path relative to the project directory";
            return null;
        }

        var segments = text.Split('/').Where(s => s.Length > 0 && s != ".").ToList();
        if (segments.Any(s => s == ".."))
        {
            error = $"'{text}' leaves the project directory ('..')";
            return null;
        }

        if (segments.Count == 0 || segments[^1] == "**")
        {
            error = $"'{text}' names no file";
            return null;
        }

        var literal = segments.TakeWhile(s => s.IndexOfAny(['*', '?']) < 0).ToList();
        var isLiteral = literal.Count == segments.Count;
        var baseDirectory = string.Join('/', isLiteral ? literal.SkipLast(1) : literal);
        return new IncludePattern(text, baseDirectory, new Regex(ToRegex(segments), RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)))
        {
            LiteralPath = isLiteral ? string.Join('/', segments) : null,
        };
    }

    /// <summary>
    /// The one file a pattern without wildcards names (<c>./a//b.yaml</c> as <c>a/b.yaml</c>); it is read
    /// directly, so that a folder, a FIFO or a link loop of that name is reported as such, not as "no match".
    /// </summary>
    public string? LiteralPath { get; private init; }

    public bool Matches(string path) => _regex.IsMatch(path);

    private static string ToRegex(List<string> segments)
    {
        var sb = new StringBuilder("^");
        for (var i = 0; i < segments.Count; i++)
        {
            var last = i == segments.Count - 1;
            if (segments[i] == "**")
            {
                sb.Append("(?:[^/]+/)*");
                continue;
            }

            foreach (var c in segments[i])
            {
                sb.Append(c switch
                {
                    '*' => "[^/]*",
                    '?' => "[^/]",
                    _ => Regex.Escape(c.ToString()),
                });
            }

            sb.Append(last ? string.Empty : "/");
        }

        return sb.Append(@"\z").ToString();
    }
}

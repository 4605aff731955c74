using System.Text;
using EgressInfra.Core.Diagnostics;
using EgressInfra.Core.Learn;
using EgressInfra.Files;

namespace EgressInfra.Cli.Input;

/// <summary>What learn reads: each log with its namespace, and notes about paths a folder walk skipped.</summary>
public sealed record LogInputSet(IReadOnlyList<LogSource> Sources, IReadOnlyList<Diagnostic> Notes);

/// <summary>
/// The access logs learn was pointed at, each with its namespace: a directory laid out as
/// <c>DIR/&lt;namespace&gt;/*.log</c> names it per file; a single file, '-' (stdin) or a log directly in DIR takes --namespace.
/// Lines are streamed, so a large log is never held in memory at once, but every byte read counts against
/// the run's budget, as for the other reading verbs: a FIFO, socket or device named on the command line is
/// refused before it is opened and skipped with a note (EGR031) inside a folder, and an endless stream ends
/// at the limit. A byte-order mark selects UTF-16 or UTF-32.
/// </summary>
public static class LogInputs
{
    public static LogInputSet Resolve(IEnumerable<string> arguments, string? ns, TextReader stdin, InputText.Budget budget, Stream? stdinBytes = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(budget);
        var sources = new List<LogSource>();
        var notes = new List<Diagnostic>();
        foreach (var argument in arguments)
        {
            if (argument == ManifestInputs.Stdin)
            {
                var lines = stdinBytes is null ? Counted(stdin, ManifestInputs.StdinName, budget) : Lines(stdinBytes, ManifestInputs.StdinName, budget);
                sources.Add(new LogSource(ManifestInputs.StdinName, Required(ns, "standard input"), lines));
                continue;
            }

            switch (NativeStat.Of(argument).Kind)
            {
                case FileKind.Directory:
                    foreach (var file in LogsIn(argument, notes))
                    {
                        var relative = Path.GetRelativePath(argument, file).Replace('\\', '/');
                        var slash = relative.IndexOf('/', StringComparison.Ordinal);
                        var fileNamespace = slash > 0 ? relative[..slash] : Required(ns, file);
                        sources.Add(new LogSource(file, fileNamespace, Open(file, budget)));
                    }

                    break;
                case FileKind.Missing:
                    throw new UsageException($"cannot read {argument}: no such file or directory");
                default:
                    sources.Add(new LogSource(argument, Required(ns, argument), Open(argument, budget)));
                    break;
            }
        }

        return new LogInputSet(sources, notes);
    }

    private static string Required(string? ns, string what) =>
        ns ?? throw new UsageException($"which namespace wrote {what}? give --namespace NS, or lay logs out as DIR/<namespace>/*.log");

    /// <summary>The *.log files below a folder in path order; what may not be opened is left out with a note.</summary>
    private static List<string> LogsIn(string dir, List<Diagnostic> notes)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true };
        var files = new List<string>();
        foreach (var file in Directory.EnumerateFiles(dir, "*.log", options).Order(StringComparer.Ordinal))
        {
            var kind = NativeStat.Of(file).Kind;
            if (kind.IsSpecial() || kind is FileKind.LinkLoop or FileKind.Missing)
            {
                notes.Add(InputCodes.SkippedFile.Create(string.Empty, $"skipped {file}: {kind.Describe()}, not a regular file") with { Location = new SourceLocation(file, 1, 1) });
                continue;
            }

            files.Add(file);
        }

        return files;
    }

    /// <summary>Checks the file's kind now (so a FIFO is refused before anything runs) and streams it later.</summary>
    private static IEnumerable<string> Open(string path, InputText.Budget budget)
    {
        switch (NativeStat.Of(path).Kind)
        {
            case FileKind.LinkLoop:
                throw new UsageException($"cannot read {path}: it is a symbolic link loop");
            case var special when special.IsSpecial():
                throw new UsageException($"cannot read {path}: it is {special.Describe()}, not a regular file; {BoundedText.SaveToFileAdvice} or pipe it to 'learn -'");
        }

        return Stream(path, budget);
    }

    private static IEnumerable<string> Stream(string path, InputText.Budget budget)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"cannot read {path}: {ex.Message}");
        }

        using (stream)
        {
            foreach (var line in Lines(stream, path, budget))
            {
                yield return line;
            }
        }
    }

    /// <summary>Lines of a byte stream, its encoding from a byte-order mark (UTF-8 otherwise), the bytes counted as they are read.</summary>
    private static IEnumerable<string> Lines(Stream stream, string name, InputText.Budget budget)
    {
        using var reader = new StreamReader(new BudgetedStream(stream, name, budget), Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        while (reader.ReadLine() is { } line)
        {
            yield return line;
        }
    }

    /// <summary>Lines of already decoded text (stdin in tests), counted as UTF-8.</summary>
    private static IEnumerable<string> Counted(TextReader reader, string name, InputText.Budget budget)
    {
        while (reader.ReadLine() is { } line)
        {
            var bytes = Encoding.UTF8.GetByteCount(line) + 1L;
            if (bytes > budget.Remaining)
            {
                throw TooLarge(name, budget);
            }

            budget.Take(bytes);
            yield return line;
        }
    }

    private static UsageException TooLarge(string name, InputText.Budget budget) =>
        new($"{name}: input is larger than the limit of {InputLimit.Describe(budget.Limit)} (bytes read, not the reported size); {budget.RaiseHint}");

    /// <summary>A read-only view of a stream that takes every byte read from the budget and stops the run when it runs out.</summary>
    private sealed class BudgetedStream(Stream inner, string name, InputText.Budget budget) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            if (read > budget.Remaining)
            {
                throw TooLarge(name, budget);
            }

            budget.Take(read);
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}

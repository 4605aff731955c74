using System.Text;
using EgressInfra.Cli.Input;
using EgressInfra.TestSupport;

namespace EgressInfra.Cli.Tests.Input;

/// <summary>The byte budget: counted as read, so endless streams stop; set by option or environment.</summary>
public class InputLimitTests
{
    /// <summary>A stream that never ends and never says how long it is, like a pipe from `yes`.</summary>
    private sealed class EndlessStream(byte[] pattern) : Stream
    {
        private long _position;

        public long Served => _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            for (var i = 0; i < count; i++)
            {
                buffer[offset + i] = pattern[(int)((_position + i) % pattern.Length)];
            }

            _position += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    private static SpecialFiles.CliContextFactory WithStdin(Stream stdin) =>
        (o, e) => new CliContext(o, e) { InBytes = stdin };

    [Fact]
    public void EndlessYamlOnStdin_StopsAtTheLimit()
    {
        var stream = new EndlessStream(Encoding.UTF8.GetBytes("a: b\n"));

        var (exit, _, err) = SpecialFiles.RunWithin(TimeSpan.FromSeconds(30), WithStdin(stream), "lint", "-", "--max-input-size", "1MiB");

        Assert.Equal(2, exit);
        Assert.Contains("larger than the limit of 1 MiB", err, StringComparison.Ordinal);
        Assert.True(stream.Served <= 2 * 1024 * 1024, $"read {stream.Served} bytes for a 1 MiB limit");
    }

    [Fact]
    public void EndlessZerosOnStdin_StopAtTheFirstBlock()
    {
        var stream = new EndlessStream([0]);

        var (exit, _, err) = SpecialFiles.RunWithin(TimeSpan.FromSeconds(30), WithStdin(stream), "lint", "-");

        Assert.Equal(2, exit);
        Assert.Contains("binary file", err, StringComparison.Ordinal);
        Assert.True(stream.Served <= 1024 * 1024);
    }

    [Fact]
    public void EndlessTextThroughATextReader_IsCountedToo()
    {
        var text = new string('x', 3 * 1024 * 1024);

        var (exit, _, err) = SpecialFiles.RunWithin(TimeSpan.FromSeconds(30), (o, e) => new CliContext(o, e) { In = new StringReader(text) }, "lint", "-", "--max-input-size", "1M");

        Assert.Equal(2, exit);
        Assert.Contains("larger than the limit", err, StringComparison.Ordinal);
    }

    [Fact]
    public void LimitFromTheOption_AppliesToStackFiles()
    {
        var (exit, _, err) = CliRunner.Run("check", "--stack", "dev", "--project-dir", RepoPaths.Root, "--max-input-size", "100");

        Assert.Equal(2, exit);
        Assert.Contains("larger than the limit of 100 bytes", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("64MiB", 64L * 1024 * 1024)]
    [InlineData("64M", 64L * 1024 * 1024)]
    [InlineData("200MB", 200_000_000L)]
    [InlineData("1GiB", 1024L * 1024 * 1024)]
    [InlineData("4096", 4096L)]
    [InlineData(" 2 k ", 2048L)]
    public void Sizes_AreParsed(string text, long bytes) => Assert.Equal(bytes, InputLimit.Parse(text));

    [Theory]
    [InlineData("")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("lots")]
    [InlineData("12 parsecs")]
    [InlineData("99999999999999999999G")]
    public void NonSizes_AreRejected(string text) => Assert.Null(InputLimit.Parse(text));

    [Fact]
    public void OptionBeatsEnvironment_AndEnvironmentBeatsDefault()
    {
        Assert.Equal(1024, InputLimit.Resolve("1K", "2K"));
        Assert.Equal(2048, InputLimit.Resolve(null, "2K"));
        Assert.Equal(InputLimit.DefaultBytes, InputLimit.Resolve(null, null));
        Assert.Equal(InputLimit.DefaultLintBytes, InputLimit.Resolve(null, " ", InputLimit.DefaultLintBytes));
        Assert.Throws<UsageException>(() => InputLimit.Resolve(null, "huge"));
    }

    [Fact]
    public void BadSizeOption_IsUsageError()
    {
        var (exit, _, err) = CliRunner.Run("check", "--stack", "dev", "--project-dir", RepoPaths.Root, "--max-input-size", "lots");

        Assert.Equal(2, exit);
        Assert.Contains("is not a size", err, StringComparison.Ordinal);
    }

    [Fact]
    public void DefaultLimit_Fits100000Services()
    {
        // A service written the way the README shows one takes about 490 bytes (8 MiB held about 17,000).
        Assert.True(InputLimit.DefaultBytes >= 100_000L * 500);
    }
}

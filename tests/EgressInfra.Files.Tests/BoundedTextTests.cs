using System.Text;
using EgressInfra.TestSupport;

namespace EgressInfra.Files.Tests;

/// <summary>The byte budget and the file kinds the shared reader refuses, on their own.</summary>
public sealed class BoundedTextTests
{
    private static ReadBudget Budget(long bytes) => new(bytes, "raise it");

    [Fact]
    public void AnEndlessDevice_StopsAtTheBudget_CountingBytesRead()
    {
        var ex = Assert.Throws<UnreadableInputException>(() => BoundedText.ReadStream(new EndlessText(), "<stdin>", Budget(256 * 1024)));

        Assert.Contains("larger than the limit of 256 KiB", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("raise it", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ACharacterDeviceByName_IsRefusedBeforeItIsOpened()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var ex = Assert.Throws<UnreadableInputException>(() => BoundedText.ReadFile("/dev/zero", Budget(1024), "a fragment file"));

        Assert.Equal("it is a character device, not a regular file; save the content to a file first", ex.Reason);
        Assert.False(ex.IsMissing);
    }

    [Fact]
    public void AFifoByName_IsRefusedWithoutBlocking()
    {
        var dir = Directory.CreateTempSubdirectory("egress-fifo-").FullName;
        var fifo = Path.Combine(dir, "pipe.yaml");
        if (!Fifos.TryMake(fifo))
        {
            return;
        }

        var ex = Fifos.Within(TimeSpan.FromSeconds(10), () => Assert.Throws<UnreadableInputException>(() => BoundedText.ReadFile(fifo, Budget(1024))));

        Assert.Contains("named pipe (FIFO)", ex.Message, StringComparison.Ordinal);
        Directory.Delete(dir, recursive: true);
    }

    [Fact]
    public void EachRead_TakesFromTheSameBudget()
    {
        var budget = Budget(10);
        Assert.Equal("abcdef", BoundedText.ReadStream(new MemoryStream("abcdef"u8.ToArray()), "a", budget));
        Assert.Equal(6, budget.Used);

        Assert.Throws<UnreadableInputException>(() => BoundedText.ReadStream(new MemoryStream("ghijk"u8.ToArray()), "b", budget));
    }

    [Fact]
    public void AMissingFile_IsMarkedMissing()
    {
        var ex = Assert.Throws<UnreadableInputException>(() => BoundedText.ReadFile(Path.Combine(Path.GetTempPath(), "egress-no-such-file.yaml"), Budget(10)));

        Assert.True(ex.IsMissing);
        Assert.Equal("no such file", ex.Reason);
    }

    [Fact]
    public void Utf32WithoutAMark_IsDetectedFromItsNulPattern()
    {
        var bytes = new UTF32Encoding(bigEndian: true, byteOrderMark: false).GetBytes("owner: a\n");

        Assert.Equal("owner: a\n", BoundedText.Decode(bytes, "f"));
    }

    /// <summary>A stream that never ends, as <c>/dev/zero</c> piped to stdin would be, but of printable bytes (so only the budget can stop it).</summary>
    private sealed class EndlessText : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)'a');
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0x3a, 0x0a, 0x20, 0x20, 0x62, 0xe9, 0x0a }, "from line 2, byte 4")]
    [InlineData(new byte[] { 0xef, 0xbb, 0xbf, 0x61, 0xff }, "from line 1, byte 2")]
    public void MisEncodedBytes_AreLocatedByLineAndByte(byte[] bytes, string where)
    {
        var refused = Assert.Throws<UnreadableInputException>(() => BoundedText.Decode(bytes, "Pulumi.prod.yaml"));
        Assert.Contains(where, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANulByte_IsLocatedByLineAndByte()
    {
        var refused = Assert.Throws<UnreadableInputException>(() => BoundedText.Decode("a: 1\nbb: c\0d\n"u8, "Pulumi.prod.yaml"));
        Assert.Contains("the first at line 2, byte 6", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANulByteInAStream_IsLocatedByLineAndByte()
    {
        using var stream = new MemoryStream("a: 1\nbb: c\0d\n"u8.ToArray());
        var refused = Assert.Throws<UnreadableInputException>(() => BoundedText.ReadStream(stream, "stdin", Budget(1024)));
        Assert.Contains("the first at line 2, byte 6", refused.Message, StringComparison.Ordinal);
    }
}

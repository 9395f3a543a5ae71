using System.Buffers.Binary;
using System.IO.Compression;

namespace PayrollRecon.Tests.Reporting;

/// <summary>Just enough of a PNG decoder to tell a rendered page from a blank one: 8-bit RGB/RGBA, non-interlaced.</summary>
internal static class PngProbe
{
    internal readonly record struct Stats(int Width, int Height, int DistinctColors, double NonWhiteShare);

    internal static Stats Analyse(byte[] png)
    {
        ReadOnlySpan<byte> signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
        if (!png.AsSpan(0, 8).SequenceEqual(signature)) throw new InvalidDataException("not a PNG");

        int width = 0, height = 0, bitDepth = 0, colorType = 0, interlace = 0;
        using var idat = new MemoryStream();
        int pos = 8;
        while (pos + 8 <= png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(pos));
            string type = System.Text.Encoding.ASCII.GetString(png, pos + 4, 4);
            var data = png.AsSpan(pos + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                bitDepth = data[8];
                colorType = data[9];
                interlace = data[12];
            }
            else if (type == "IDAT")
            {
                idat.Write(data);
            }
            else if (type == "IEND")
            {
                break;
            }

            pos += 12 + length;
        }

        if (bitDepth != 8 || interlace != 0 || colorType is not (2 or 6))
        {
            throw new InvalidDataException($"unsupported PNG: depth {bitDepth}, colour type {colorType}, interlace {interlace}");
        }

        int bpp = colorType == 6 ? 4 : 3;
        int stride = width * bpp;
        idat.Position = 0;
        using var z = new ZLibStream(idat, CompressionMode.Decompress);
        var raw = new byte[(stride + 1) * height];
        z.ReadExactly(raw);

        var prev = new byte[stride];
        var line = new byte[stride];
        var colors = new HashSet<int>();
        long nonWhite = 0;
        for (int y = 0; y < height; y++)
        {
            int filter = raw[y * (stride + 1)];
            var src = raw.AsSpan(y * (stride + 1) + 1, stride);
            for (int i = 0; i < stride; i++)
            {
                int a = i >= bpp ? line[i - bpp] : 0;
                int b = prev[i];
                int c = i >= bpp ? prev[i - bpp] : 0;
                int predictor = filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"bad filter {filter}"),
                };
                line[i] = (byte)(src[i] + predictor);
            }

            for (int x = 0; x < width; x++)
            {
                int o = x * bpp;
                int rgb = line[o] << 16 | line[o + 1] << 8 | line[o + 2];
                colors.Add(rgb);
                if (rgb != 0xFFFFFF) nonWhite++;
            }

            (prev, line) = (line, prev);
        }

        return new Stats(width, height, colors.Count, (double)nonWhite / ((long)width * height));
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c;
        int pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}

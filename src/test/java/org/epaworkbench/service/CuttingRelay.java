package org.epaworkbench.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A plain TCP relay on loopback between a client and a server, for tests of a network that fails: it
 * forwards bytes both ways untouched (TLS passes through), counts them, and cuts the client's connection
 * when told: after a number of bytes sent towards the server, at once (between requests), or when the
 * server's next answer starts (the request arrived whole, its answer is lost). A cut closes the client's side
 * and tells the server the peer went away (its input ends); the relay then reads the server's side to its
 * end, so {@link #awaitServerLetGo} returns once the server has finished with every cut connection.
 */
final class CuttingRelay implements AutoCloseable {

    private final ServerSocket listening;
    private final InetSocketAddress server;
    private final Thread acceptor;
    private final List<Link> links = new ArrayList<>();
    private final Deque<Long> cutsAfterBytes = new ArrayDeque<>();
    private long upstream;
    private long upstreamSinceCut;
    private boolean dropNextAnswer;
    private int cuts;
    private int connections;
    private int released;
    private volatile boolean closed;

    CuttingRelay(int serverPort) throws IOException {
        this.server = new InetSocketAddress(InetAddress.getLoopbackAddress(), serverPort);
        this.listening = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "relay-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listening.getLocalPort();
    }

    /** Cuts, one after the other: the first after {@code n[0]} bytes towards the server, the next {@code n[1]} bytes after that. */
    synchronized void cutAfterBytes(long... n) {
        for (long b : n) {
            cutsAfterBytes.add(b);
        }
    }

    /** Cuts every open connection now (between two requests, when the client is not sending). */
    void cutNow() {
        List<Link> open;
        synchronized (this) {
            open = List.copyOf(links);
            cuts++;
            upstreamSinceCut = 0;
        }
        for (Link l : open) {
            l.cut();
        }
    }

    /** The server's next answer is not passed on: the connection is cut when its first bytes arrive. */
    synchronized void dropNextAnswer() {
        dropNextAnswer = true;
    }

    /** Bytes passed on towards the server, over all connections. */
    synchronized long upstreamBytes() {
        return upstream;
    }

    synchronized int cuts() {
        return cuts;
    }

    synchronized int connections() {
        return connections;
    }

    /** Cuts not yet made of those {@link #cutAfterBytes} planned. */
    synchronized int cutsLeft() {
        return cutsAfterBytes.size();
    }

    /** Waits until the server has closed every connection the relay cut (it has finished with their requests). */
    void awaitServerLetGo(long seconds) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        synchronized (this) {
            while (released < cutLinks()) {
                long left = until - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("the server did not let go of a cut connection within " + seconds + " s");
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }

    private int cutLinks() {
        int n = 0;
        for (Link l : allLinks) {
            if (l.cut) {
                n++;
            }
        }
        return n;
    }

    private final List<Link> allLinks = new ArrayList<>();

    private void accept() {
        while (!closed) {
            try {
                Socket client = listening.accept();
                Socket toServer = new Socket();
                toServer.connect(server, 10_000);
                Link l = new Link(client, toServer);
                synchronized (this) {
                    links.add(l);
                    allLinks.add(l);
                    connections++;
                }
                l.start();
            } catch (IOException e) {
                if (!closed) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
    }

    /** How many of {@code want} bytes may pass before the next planned cut; -1 when the cut comes first. */
    private synchronized int allowUpstream(int want) {
        Long next = cutsAfterBytes.peek();
        if (next == null) {
            upstream += want;
            return want;
        }
        long room = next - upstreamSinceCut;
        int pass = (int) Math.min(want, Math.max(0, room));
        upstream += pass;
        upstreamSinceCut += pass;
        return pass;
    }

    private synchronized boolean cutDue() {
        Long next = cutsAfterBytes.peek();
        if (next != null && upstreamSinceCut >= next) {
            cutsAfterBytes.poll();
            upstreamSinceCut = 0;
            cuts++;
            return true;
        }
        return false;
    }

    private synchronized boolean answerDropped() {
        if (dropNextAnswer) {
            dropNextAnswer = false;
            cuts++;
            upstreamSinceCut = 0;
            return true;
        }
        return false;
    }

    private synchronized void ended(Link l) {
        links.remove(l);
        if (l.cut) {
            released++;
        }
        notifyAll();
    }

    @Override
    public void close() throws IOException {
        closed = true;
        listening.close();
        List<Link> open;
        synchronized (this) {
            open = List.copyOf(links);
        }
        for (Link l : open) {
            l.closeBoth();
        }
    }

    /** One client connection and its connection to the server. */
    private final class Link {
        final Socket client;
        final Socket toServer;
        volatile boolean cut;
        private int pumpsDone;

        Link(Socket client, Socket toServer) {
            this.client = client;
            this.toServer = toServer;
        }

        void start() {
            Thread up = new Thread(this::up, "relay-up");
            Thread down = new Thread(this::down, "relay-down");
            up.setDaemon(true);
            down.setDaemon(true);
            up.start();
            down.start();
        }

        /** Client to server, counting, cutting where planned. */
        private void up() {
            byte[] buf = new byte[8192];
            try (InputStream in = client.getInputStream()) {
                OutputStream out = toServer.getOutputStream();
                for (int r; (r = in.read(buf)) > 0;) {
                    int at = 0;
                    while (at < r) {
                        int pass = allowUpstream(r - at);
                        out.write(buf, at, pass);
                        out.flush();
                        at += pass;
                        if (cutDue()) {
                            cut();
                            return;
                        }
                    }
                }
                toServer.shutdownOutput();
            } catch (IOException e) {
                // cut, or one side went away
            } finally {
                pumpDone();
            }
        }

        /** Server to client; after a cut, reads the server's side to its end without passing it on. */
        private void down() {
            byte[] buf = new byte[8192];
            try (InputStream in = toServer.getInputStream()) {
                OutputStream out = client.getOutputStream();
                for (int r; (r = in.read(buf)) > 0;) {
                    if (!cut && answerDropped()) {
                        cut();
                    }
                    if (!cut) {
                        out.write(buf, 0, r);
                        out.flush();
                    }
                }
            } catch (IOException e) {
                // one side went away
            } finally {
                closeBoth();
                pumpDone();
            }
        }

        void cut() {
            cut = true;
            try {
                client.setSoLinger(true, 0); // the client sees its connection reset, as when a network goes
                client.close();
            } catch (IOException e) {
                // gone already
            }
            try {
                toServer.shutdownOutput(); // the server's input ends; it closes once it has finished with the request
            } catch (IOException e) {
                // gone already
            }
        }

        void closeBoth() {
            try {
                client.close();
            } catch (IOException e) {
                // gone already
            }
            try {
                toServer.close();
            } catch (IOException e) {
                // gone already
            }
        }

        private void pumpDone() {
            boolean both;
            synchronized (this) {
                both = ++pumpsDone == 2;
            }
            if (both) {
                ended(this);
            }
        }
    }
}

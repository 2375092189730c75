import KafkaProtocol
import NIOCore
import NIOSSL

/// A request on its way to the broker: the encoded frame, its correlation id and the promise that
/// receives the response frame (`nil` for requests the broker does not answer).
struct OutboundKafkaRequest: Sendable {
  var frame: [UInt8]
  var correlationID: Int32
  var promise: EventLoopPromise<[UInt8]>?
  var timeout: TimeAmount
  var what: String
}

/// The one NIO handler of a Kafka connection: writes request frames, splits the incoming byte
/// stream into response frames (``KafkaFrameDecoder``), hands each to the request with the same
/// correlation id, fails a request whose response does not come within its timeout (closing the
/// connection: the stream's state is then unknown), and fails every pending request when the
/// connection closes or errs.
///
/// Runs on the channel's event loop only.
final class KafkaChannelHandler: ChannelDuplexHandler {
  typealias InboundIn = ByteBuffer
  typealias OutboundIn = OutboundKafkaRequest
  typealias OutboundOut = ByteBuffer

  private struct Pending {
    var promise: EventLoopPromise<[UInt8]>
    var timeout: Scheduled<Void>?
    var what: String
  }

  private var decoder = KafkaFrameDecoder()
  private var pending: [Int32: Pending] = [:]
  private let broker: String
  private var closedError: KafkaClientError?

  init(broker: String) {
    self.broker = broker
  }

  func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
    let request = unwrapOutboundIn(data)
    if let closedError {
      request.promise?.fail(closedError)
      promise?.fail(closedError)
      return
    }
    if let responsePromise = request.promise {
      let id = request.correlationID
      let what = request.what
      let broker = self.broker
      let handler = NIOLoopBound(self, eventLoop: context.eventLoop)
      let boundContext = NIOLoopBound(context, eventLoop: context.eventLoop)
      let timeoutTask = context.eventLoop.scheduleTask(in: request.timeout) {
        let self_ = handler.value
        guard let entry = self_.pending.removeValue(forKey: id) else { return }
        let error = KafkaClientError(
          .requestTimedOut,
          "Kafka broker \(broker) did not answer \(what) within the request timeout; the connection is closed "
            + "and the request retried (raise requestTimeout if the broker is slow)")
        entry.promise.fail(error)
        self_.failAll(error)
        boundContext.value.close(promise: nil)
      }
      pending[id] = Pending(promise: responsePromise, timeout: timeoutTask, what: what)
    }
    var buffer = context.channel.allocator.buffer(capacity: request.frame.count)
    buffer.writeBytes(request.frame)
    context.writeAndFlush(wrapOutboundOut(buffer), promise: promise)
  }

  func channelRead(context: ChannelHandlerContext, data: NIOAny) {
    let buffer = unwrapInboundIn(data)
    buffer.withUnsafeReadableBytes { decoder.feed($0) }
    do {
      while let frame = try decoder.nextFrame() {
        let id = try ResponseHeader.correlationID(of: frame)
        guard let entry = pending.removeValue(forKey: id) else {
          throw KafkaClientError(
            .protocolError,
            "Kafka broker \(broker) sent a response with correlation id \(id), which matches no request in flight"
          )
        }
        entry.timeout?.cancel()
        entry.promise.succeed(frame)
      }
    } catch {
      let failure =
        (error as? KafkaClientError)
        ?? KafkaClientError(
          .protocolError, "Kafka broker \(broker) sent bytes that are not Kafka frames: \(error)")
      failAll(failure)
      context.close(promise: nil)
    }
  }

  func errorCaught(context: ChannelHandlerContext, error: any Error) {
    if error is NIOSSLError || error is BoringSSLError {
      failAll(
        KafkaClientError(
          .tlsFailed,
          "TLS with Kafka broker \(broker) failed: \(error); check that the broker speaks TLS on this port and that "
            + "security.caFile names the CA that signed its certificate"))
      context.close(promise: nil)
      return
    }
    failAll(
      KafkaClientError(
        .disconnected, "connection to Kafka broker \(broker) failed: \(error); the request will be retried"))
    context.close(promise: nil)
  }

  func channelInactive(context: ChannelHandlerContext) {
    failAll(
      KafkaClientError(
        .disconnected, "Kafka broker \(broker) closed the connection; requests in flight will be retried"))
    context.fireChannelInactive()
  }

  private func failAll(_ error: KafkaClientError) {
    if closedError == nil { closedError = error }
    let entries = pending
    pending = [:]
    for entry in entries.values {
      entry.timeout?.cancel()
      entry.promise.fail(error)
    }
  }
}

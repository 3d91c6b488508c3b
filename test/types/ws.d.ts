// The websocket client the subscription tests hand to graphql-ws; its own typings are not installed.
declare module 'ws' {
  const WebSocket: unknown;
  export default WebSocket;
}

// Turns the bytes of an HTTP body into the XML string the validator and readers take. NCTS P5 messages
// are UTF-8 without a byte order mark, as every other body the gateway takes: the same rule applies.
export { decodeUtf8Body as decodeXmlBytes } from '../http/utf8';

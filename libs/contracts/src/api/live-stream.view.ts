// What the console's live stream (GET /api/stream) sends its browser, shared by the gateway that sends it and the
// web app that shows it. Types only.

/** 来电弹屏: a call ringing, answered or hung up at the operator's seat (from the call centre's telephony system). */
export interface ScreenPopMessage {
  type: 'screen-pop';
  callRef: string;
  state: 'ringing' | 'answered' | 'hung-up';
  callerMasked: string;
  recordingRef?: string;
  at: string;
}

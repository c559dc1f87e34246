import { createApp } from './app.js';

export { ShardServer } from './shard-server.js';
export default createApp();
